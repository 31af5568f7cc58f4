//! `POST /token`: the app token.

use super::*;

/// `POST /token`: exchanges a client id and secret for an app token.
#[derive(Clone, Debug)]
pub struct RequestToken {
    pub credentials: Credentials,
    /// Seconds; `None` leaves it to the app's setting, 0 asks for a token that never expires.
    pub ttl: Option<u64>,
}

impl Endpoint for RequestToken {
    type Output = TokenResponse;
    fn to_request(&self, conn: &Connection) -> Result<HttpRequest, ApiError> {
        let body = TokenRequest {
            grant_type: "client_credentials".into(),
            client_id: self.credentials.client_id.clone(),
            client_secret: self.credentials.client_secret.clone(),
            ttl: self.ttl,
        };
        Ok(conn.request(Method::Post, conn.url("/token", &[]), json(&body), false))
    }
    fn rate(&self) -> RateClass {
        RateClass::Token
    }
    fn parse(&self, resp: &HttpResponse) -> Result<TokenResponse, ApiError> {
        if !(200..300).contains(&resp.status) {
            return Err(ApiError::from_response(resp.status, &resp.body));
        }
        serde_json::from_str(&resp.body)
            .map_err(|e| ApiError::unreadable(resp.status, &resp.body, e.to_string()))
    }
}
