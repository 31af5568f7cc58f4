#!/usr/bin/env bash
# The curl examples of seed 004 (host, org and app replaced, users renamed to demo users) and
# each documented error row, sent with curl to a fresh emulator binary; every answer's status
# and body shape is checked. Usage: tests/curl/seed004.sh [path-to-emulator-binary]
set -uo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-target/debug/easemob-emulator}"
work=$(mktemp -d)
"$bin" --memory --listen 127.0.0.1:0 --dist "$work" > "$work/out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q 'Easemob emulator on' "$work/out" && break; sleep 0.1; done
host=$(grep -o 'Easemob emulator on http://[0-9.:]*' "$work/out" | awk '{print $4}')
[ -n "$host" ] || { echo "the emulator did not start"; cat "$work/out"; exit 1; }
B="$host/demo/admin"
passed=0 failed=0

# check NAME STATUS PYTHON-ASSERTION -- curl args...   (the body is `b`, parsed JSON)
check() {
  local name=$1 want=$2 assertion=$3; shift 4
  local got
  got=$(curl -s -o "$work/body" -w '%{http_code}' "$@")
  if [ "$got" = "$want" ] && python3 -c "import json,sys; b=json.load(open('$work/body')); assert $assertion, b" 2>"$work/err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: status $got (want $want); body: $(head -c 400 "$work/body")"; tail -1 "$work/err"
  fi
}
envelope='all(k in b for k in ("action","application","applicationName","organization","uri","entities","timestamp","duration"))'
error_body() { echo "b['error']=='$1' and b['error_description']==\"$2\" and 'timestamp' in b and 'duration' in b"; }

T=$(curl -s -X POST "$B/token" -H 'Content-Type: application/json' \
  -d '{"grant_type":"client_credentials","client_id":"demo-client-id","client_secret":"demo-client-secret"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
A=(-H 'Accept: application/json' -H "Authorization: Bearer $T")
J=(-H 'Content-Type: application/json')

# 获取 app 中的聊天室
check "list rooms" 200 "$envelope and isinstance(b['data'], list) and len(b['data'])==10 and set(b['data'][0])>={'id','name','owner','affiliations_count'} and 'cursor' in b" -- \
  -L -X GET "$B/chatrooms?limit=10" "${A[@]}"
check "list rooms, bad token" 401 "$(error_body unauthorized 'Unable to authenticate (OAuth)')" -- \
  -X GET "$B/chatrooms?limit=10" -H 'Authorization: Bearer not-a-token'
# 获取用户加入的聊天室
check "joined rooms" 200 "$envelope and b['params']=={'pagesize':['10'],'pagenum':['1']} and all(r['disabled']=='false' and set(r)=={'id','name','disabled'} for r in b['data'])" -- \
  -X GET "$B/users/alice/joined_chatrooms?pagenum=1&pagesize=10" "${A[@]}"
# 创建聊天室
check "create" 200 "$envelope and b['action']=='post' and b['data']['id'].isdigit()" -- \
  -X POST "$B/chatrooms" "${J[@]}" "${A[@]}" -d '{"name":"testchatroom1","description":"test","maxusers":300,"owner":"alice","members":["bob"]}'
id=$(python3 -c "import json; print(json.load(open('$work/body'))['data']['id'])")
# 查询聊天室详情
check "details" 200 "$envelope and b['count']==1 and b['data'][0]['id']=='$id' and b['data'][0]['maxusers']==300 and sorted(map(lambda a: list(a.items())[0], b['data'][0]['affiliations']))==[('member','bob'),('owner','alice')] and b['data'][0]['custom']=='' and b['data'][0]['public'] is True" -- \
  -X GET "$B/chatrooms/$id" "${A[@]}"
check "details, unknown id" 404 "$(error_body service_resource_not_found 'do not find this group:662000000013')" -- \
  -X GET "$B/chatrooms/662000000013" "${A[@]}"
# 修改聊天室信息
check "modify" 200 "$envelope and b['action']=='put' and b['data']=={'description':True,'maxusers':True,'groupname':True}" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"name":"testchatroom","description":"test","maxusers":300}'
check "modify, unknown room" 404 "$(error_body resource_not_found 'grpID 662000000013 does not exist!')" -- \
  -X PUT "$B/chatrooms/662000000013" "${J[@]}" "${A[@]}" -d '{"name":"x"}'
check "modify, long title" 403 "b['error']=='exceed_limit' and b['error_description'].startswith('title cannot exceed')" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d "{\"name\":\"$(printf 'n%.0s' $(seq 129))\"}"
check "modify, long description" 403 "b['error']=='exceed_limit' and b['error_description'].startswith('desc cannot exceed')" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d "{\"description\":\"$(printf 'd%.0s' $(seq 513))\"}"
check "modify, maxusers" 403 "b['error']=='exceed_limit' and b['error_description'].startswith('maxUsers cannot exceed')" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"maxusers":10001}'
check "modify, unknown field" 400 "$(error_body invalid_parameter 'some of [chatroom_id] are not valid fields')" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"chatroom_id":"1"}'
# 转让聊天室
check "transfer" 200 "$envelope and b['data']=={'newowner':True}" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"newowner":"bob"}'
check "transfer, same owner" 403 "$(error_body forbidden_op 'new owner and old owner are the same')" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"newowner":"bob"}'
check "transfer, unknown user" 404 "$(error_body resource_not_found "username user10 doesn't exist!")" -- \
  -X PUT "$B/chatrooms/$id" "${J[@]}" "${A[@]}" -d '{"newowner":"user10"}'
check "transfer, unknown room" 404 "$(error_body resource_not_found 'grpID 662000000013 does not exist!')" -- \
  -X PUT "$B/chatrooms/662000000013" "${J[@]}" "${A[@]}" -d '{"newowner":"bob"}'
# 创建聊天室: error rows
check "create, no owner" 400 "$(error_body invalid_parameter 'owner must be provided')" -- \
  -X POST "$B/chatrooms" "${J[@]}" "${A[@]}" -d '{"name":"n","description":"d"}'
check "create, too many members" 403 "$(error_body exceed_limit 'members size is greater than max user size !')" -- \
  -X POST "$B/chatrooms" "${J[@]}" "${A[@]}" -d '{"name":"n","description":"d","maxusers":2,"owner":"alice","members":["bob","carol","dave"]}'
check "create, unknown member" 404 "$(error_body resource_not_found "username user10 doesn't exist!")" -- \
  -X POST "$B/chatrooms" "${J[@]}" "${A[@]}" -d '{"name":"n","description":"d","owner":"alice","members":["user10"]}'
# 解散聊天室
check "dissolve" 200 "$envelope and b['action']=='delete' and b['data']=={'success':True,'id':'$id'}" -- \
  -X DELETE "$B/chatrooms/$id" "${A[@]}"
check "dissolve, gone" 404 "$(error_body resource_not_found "grpID $id does not exist!")" -- \
  -X DELETE "$B/chatrooms/$id" "${A[@]}"
check "no token" 401 "$(error_body group_authorization 'token is blank!')" -- -X DELETE "$B/chatrooms/$id"
# CORS preflight from another origin.
headers=$(curl -s -i -X OPTIONS "$B/chatrooms/$id" -H 'Origin: http://example.test' \
  -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: authorization,content-type')
if grep -q '^HTTP/1.1 200' <<<"$headers" && grep -qi '^access-control-allow-origin: http://example.test' <<<"$headers" \
  && grep -qi '^access-control-allow-headers: .*authorization' <<<"$headers"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL preflight: $headers"
fi
# The emulator's own endpoints grant no other origin.
headers=$(curl -s -i -X OPTIONS "$host/_emulator/faults" -H 'Origin: http://example.test' \
  -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: authorization,content-type')
if grep -qi '^access-control-allow-origin' <<<"$headers"; then
  failed=$((failed + 1)); echo "FAIL preflight of /_emulator/faults granted: $headers"
else
  passed=$((passed + 1))
fi
echo "curl examples of seed 004: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
