import { test, expect, connect, allRoomIds, recordRequests, Emulator } from './fixtures';
import type { Page } from '@playwright/test';

async function api(emulator: Emulator, method: string, path: string, body?: unknown) {
  const r = await fetch(`${emulator.api}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await emulator.token()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r.json();
}

/** A fresh room with a known owner and members, opened in the detail view. */
async function openNewRoom(page: Page, emulator: Emulator, members = ['bob', 'carol', 'dave']) {
  const created = await api(emulator, 'POST', '/chatrooms', {
    name: 'Test room', description: 'For a test', maxusers: 10, owner: 'alice', members,
  });
  const id = created.data.id as string;
  await connect(page, emulator);
  await page.goto(`${emulator.url}/rooms/${id}`);
  await expect(page.getByTestId('room-id')).toHaveText(id);
  return id;
}

test.describe('create', () => {
  test('a new room with pasted members opens after creation', async ({ page, emulator }) => {
    await connect(page, emulator);
    await page.getByRole('button', { name: 'New chatroom' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chatroom' });
    await dialog.getByLabel('Name').fill('Launch party');
    await dialog.getByLabel('Description').fill('Everyone who helped');
    await dialog.getByLabel('Owner').fill('alice');
    await dialog.getByLabel('Members', { exact: true }).fill('bob, carol\ndave');
    await expect(dialog.locator('.chip')).toHaveCount(3);
    await dialog.getByLabel('Custom (optional)').fill('{"theme":"party"}');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/rooms\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Launch party' })).toBeVisible();
    await expect(page.getByTestId('member-count')).toHaveText('4');
    await expect(page.getByTestId('custom')).toContainText('"theme": "party"');
    await expect(page.locator('.notice')).toContainText('Created Launch party');
  });

  test('bad input is caught before anything is sent', async ({ page, emulator }) => {
    await connect(page, emulator);
    const posts = recordRequests(page, /\/chatrooms$/).filter(() => true);
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r); });
    await page.getByRole('button', { name: 'New chatroom' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chatroom' });
    await dialog.getByLabel('Description').fill('d');
    await dialog.getByLabel('Owner').fill('alice');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.locator('#create-name-error')).toHaveText('name is required');
    await dialog.getByLabel('Name').fill('x'.repeat(129));
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.locator('#create-name-error')).toHaveText('name is 129 characters; at most 128 are allowed');
    await dialog.getByLabel('Name').fill('Small room');
    await dialog.getByLabel('Max users').fill('2');
    await dialog.getByLabel('Members', { exact: true }).fill('bob carol dave');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.locator('#create-members-error')).toHaveText('3 members are more than maxusers 2');
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(posts.filter((r) => r.method() === 'POST')).toHaveLength(0);
  });

  test('the server\'s refusal is shown next to the field and the form keeps its contents', async ({ page, emulator }) => {
    const before = (await allRoomIds(emulator)).length;
    await connect(page, emulator);
    await page.getByRole('button', { name: 'New chatroom' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chatroom' });
    await dialog.getByLabel('Name').fill('Ghost town');
    await dialog.getByLabel('Description').fill('d');
    await dialog.getByLabel('Owner').fill('alice');
    await dialog.getByLabel('Members', { exact: true }).fill('bob ghost');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const membersError = dialog.locator('#create-members-error');
    await expect(membersError).toContainText('Refused by the server · 404 resource_not_found');
    await expect(membersError).toContainText('There is no user ghost in this app.');
    await expect(membersError).toContainText("The server said: username ghost doesn't exist! (Request: POST /demo/admin/chatrooms)");
    await expect(dialog.getByLabel('Name')).toHaveValue('Ghost town');
    await expect(dialog.locator('.chip')).toHaveCount(2);
    expect((await allRoomIds(emulator)).length).toBe(before);
  });

  test('a double click on Create makes exactly one room', async ({ page, emulator }) => {
    const before = (await allRoomIds(emulator)).length;
    await connect(page, emulator);
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/chatrooms')) posts.push(r.url()); });
    await page.getByRole('button', { name: 'New chatroom' }).click();
    const dialog = page.getByRole('dialog', { name: 'New chatroom' });
    await dialog.getByLabel('Name').fill('Only once');
    await dialog.getByLabel('Description').fill('d');
    await dialog.getByLabel('Owner').fill('alice');
    await dialog.getByRole('button', { name: 'Create' }).dblclick();
    await expect(page.getByRole('heading', { name: 'Only once' })).toBeVisible();
    expect(posts).toHaveLength(1);
    expect((await allRoomIds(emulator)).length).toBe(before + 1);
  });
});

test.describe('edit', () => {
  test('only the changed field is sent and the server\'s answer is reported', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    const puts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.postData() ?? ''); });
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
    await expect(dialog.getByLabel('Name')).toHaveValue('Test room');
    await expect(dialog.getByLabel('Max users')).toHaveValue('10');
    await dialog.getByLabel('Description').fill('Now with a better description');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('.notice')).toContainText('Saved: Description');
    await expect(page.getByTestId('room-fields')).toContainText('Now with a better description');
    expect(puts.map((p) => JSON.parse(p))).toEqual([{ description: 'Now with a better description' }]);
  });

  test('maxusers below the member count shows the server\'s refusal at that field', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
    await dialog.getByLabel('Max users').fill('2');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.locator('#edit-maxusers-error')).toContainText('current user count is larger than the maxUsers that you want to update !');
    await expect(dialog.getByLabel('Max users')).toHaveValue('2');
  });

  test('an edit that changes nothing, or breaks a limit, is not sent', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    const puts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.url()); });
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit chatroom' });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('nothing to change');
    await dialog.getByLabel('Max users').fill('10001');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.locator('#edit-maxusers-error')).toHaveText('maxusers must be between 1 and 10000, not 10001');
    expect(puts).toHaveLength(0);
  });
});

test.describe('transfer', () => {
  test('a member picked from the list becomes the owner', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Transfer owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer ownership' });
    await expect(dialog.locator('#member-options option')).toHaveCount(3);
    await dialog.getByLabel('New owner').fill('carol');
    await dialog.getByRole('button', { name: 'Transfer owner' }).click();
    await expect(page.getByTestId('room-owner')).toHaveText('carol');
    await expect(page.locator('ul.members li').first()).toContainText('carol');
  });

  test('the current owner is refused before sending; a non-member is refused by the server', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Transfer owner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer ownership' });
    await dialog.getByLabel('New owner').fill('alice');
    await dialog.getByRole('button', { name: 'Transfer owner' }).click();
    await expect(dialog.locator('#new-owner-error')).toHaveText('alice already owns this room');
    await dialog.getByLabel('New owner').fill('zoe');
    await dialog.getByRole('button', { name: 'Transfer owner' }).click();
    await expect(dialog.locator('#new-owner-error')).toContainText('403 forbidden_op');
    await expect(dialog.locator('#new-owner-error')).toContainText("user: zoe doesn't exist in group");
    await dialog.getByLabel('New owner').fill('ghost');
    await dialog.getByRole('button', { name: 'Transfer owner' }).click();
    await expect(dialog.locator('#new-owner-error')).toContainText("username ghost doesn't exist!");
    await expect(page.getByTestId('room-owner')).toHaveText('alice');
  });
});

test.describe('dissolve', () => {
  test('stays disabled until the id is typed back; afterwards the room is gone', async ({ page, emulator }) => {
    const id = await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Dissolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dissolve chatroom' });
    await expect(dialog).toContainText('Test room');
    await expect(dialog).toContainText(id);
    const button = dialog.getByRole('button', { name: 'Dissolve' });
    await expect(button).toBeDisabled();
    await dialog.getByLabel(/Type the chatroom's id or name/).fill(id.slice(0, -1));
    await expect(button).toBeDisabled();
    await dialog.getByLabel(/Type the chatroom's id or name/).fill(id);
    await expect(button).toBeEnabled();
    await button.click();
    await expect(page).toHaveURL(/\/rooms$/);
    await expect(page.locator('.notice')).toContainText(`Dissolved Test room (${id})`);
    await expect(page.locator('table.rooms tbody tr').first()).toBeVisible();
    await expect(page.locator('td.id', { hasText: id })).toHaveCount(0);
    await page.goto(`${emulator.url}/rooms/${id}`);
    await expect(page.getByRole('alert')).toContainText(`do not find this group:${id}`);
  });

  test('Esc closes a dialog and focus returns to the button that opened it', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    const opener = page.getByRole('button', { name: 'Dissolve' });
    await opener.click();
    await expect(page.getByRole('dialog', { name: 'Dissolve chatroom' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(opener).toBeFocused();
  });
});

test.describe('members', () => {
  test('adding 130 users sends 3 requests and all 130 join', async ({ page, emulator }) => {
    const names = Array.from({ length: 130 }, (_, i) => `guest${i}`);
    for (let i = 0; i < names.length; i += 60) {
      await api(emulator, 'POST', '/users', names.slice(i, i + 60).map((username) => ({ username, password: 'p' })));
    }
    const created = await api(emulator, 'POST', '/chatrooms', { name: 'Big', description: 'd', maxusers: 500, owner: 'alice' });
    const id = created.data.id;
    await connect(page, emulator);
    await page.goto(`${emulator.url}/rooms/${id}`);
    const adds = recordRequests(page, new RegExp(`/chatrooms/${id}/users$`));
    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add members' });
    await dialog.getByLabel(/Usernames/).fill(names.join('\n'));
    await expect(dialog.locator('.summary')).toHaveText('130 users listed');
    await dialog.getByRole('button', { name: 'Add members' }).click();
    await expect(dialog.getByTestId('add-results').locator('tr.ok')).toHaveCount(3);
    await expect(dialog.getByTestId('add-results').locator('tr.ok').first()).toHaveText(/guest0 and 59 more\s*Request of 60: 60 are members now/);
    expect(adds.filter((r) => r.method() === 'POST')).toHaveLength(3);
    await expect(page.getByTestId('member-count')).toHaveText('131');
  });

  test('a batch removal shows which users failed and why', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Remove members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove members' });
    await dialog.getByLabel(/Usernames/).fill('bob, zoe, alice');
    await dialog.getByRole('button', { name: 'Remove members' }).click();
    const rows = dialog.getByTestId('remove-results').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toHaveText(/bob\s*Removed/);
    await expect(rows.nth(1)).toContainText("Failed: user: zoe doesn't exist in group");
    await expect(rows.nth(2)).toContainText('Failed: user: alice is the owner');
    await expect(page.getByTestId('member-count')).toHaveText('3');
  });

  test('a malformed username stops the batch before sending', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add members' });
    await dialog.getByLabel(/Usernames/).fill('erin not/valid');
    await dialog.getByRole('button', { name: 'Add members' }).click();
    await expect(dialog.locator('#add-usernames-error')).toContainText('"not/valid" is not a valid username');
    await expect(page.getByTestId('member-count')).toHaveText('4');
  });

  test('a member leaves, and a non-member leaving shows the server\'s refusal', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Member leaves' }).click();
    const dialog = page.getByRole('dialog', { name: 'A member leaves' });
    await dialog.getByLabel('User').fill('zoe');
    await dialog.getByRole('button', { name: 'Member leaves' }).click();
    await expect(dialog.locator('#leave-username-error')).toContainText('users [zoe] are not members of this group!');
    await dialog.getByLabel('User').fill('dave');
    await dialog.getByRole('button', { name: 'Member leaves' }).click();
    await expect(page.locator('.notice')).toContainText('dave left the chatroom');
    await expect(page.getByTestId('member-count')).toHaveText('3');
  });
});

test('bulk dissolve of 5 selected rooms reports each room', async ({ page, emulator }) => {
  await connect(page, emulator);
  const rows = page.locator('table.rooms tbody tr');
  const ids = await rows.locator('td.id').allInnerTexts();
  const chosen = ids.slice(2, 7);
  for (const id of chosen) {
    await rows.filter({ hasText: id }).getByRole('checkbox').check();
  }
  await expect(page).toHaveURL(/sel=/);
  await page.getByRole('button', { name: 'Dissolve selected (5)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dissolve 5 chatrooms' });
  const go = dialog.getByRole('button', { name: 'Dissolve' });
  await expect(go).toBeDisabled();
  await dialog.getByLabel('Type the number of chatrooms to confirm').fill('5');
  await go.click();
  const results = dialog.getByTestId('bulk-results').locator('tbody tr');
  await expect(results).toHaveCount(5);
  await expect(results.filter({ hasText: 'Dissolved' })).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  for (const id of chosen) await expect(page.locator('td.id', { hasText: id })).toHaveCount(0);
  const remaining = await allRoomIds(emulator);
  expect(remaining.filter((id) => chosen.includes(id))).toEqual([]);
  expect(remaining).toHaveLength(25);
});

test.describe('server refusals in the member and dissolve dialogs', () => {
  test('dissolving a room someone else dissolved first shows the server\'s 404 and keeps the dialog', async ({ page, emulator }) => {
    const id = await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Dissolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dissolve chatroom' });
    await dialog.getByLabel(/Type the chatroom's id or name/).fill(id);
    await api(emulator, 'DELETE', `/chatrooms/${id}`);
    await dialog.getByRole('button', { name: 'Dissolve' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`404 resource_not_found`);
    await expect(dialog.getByRole('alert')).toContainText(`grpID ${id} does not exist!`);
    await expect(dialog.getByLabel(/Type the chatroom's id or name/)).toHaveValue(id);
  });

  test('adding an unknown user adds nobody and says which user', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    await page.getByRole('button', { name: 'Add members' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add members' });
    await dialog.getByLabel(/Usernames/).fill('erin ghost');
    await dialog.getByRole('button', { name: 'Add members' }).click();
    await expect(dialog.getByTestId('add-results').locator('tr.failed')).toContainText("username ghost doesn't exist!");
    await expect(dialog.getByLabel(/Usernames/)).toHaveValue('erin ghost');
    await expect(page.getByTestId('member-count')).toHaveText('4');
  });

  test('a member-leaves request with a malformed name is not sent', async ({ page, emulator }) => {
    await openNewRoom(page, emulator);
    const deletes: string[] = [];
    page.on('request', (r) => { if (r.method() === 'DELETE') deletes.push(r.url()); });
    await page.getByRole('button', { name: 'Member leaves' }).click();
    const dialog = page.getByRole('dialog', { name: 'A member leaves' });
    await dialog.getByLabel('User').fill('no such/user');
    await dialog.getByRole('button', { name: 'Member leaves' }).click();
    await expect(dialog.locator('#leave-username-error')).toContainText('is not a valid username');
    expect(deletes).toHaveLength(0);
  });

  test('bulk dissolve reports a room that was already gone as failed, with the server\'s reason', async ({ page, emulator }) => {
    await connect(page, emulator);
    const rows = page.locator('table.rooms tbody tr');
    const chosen = (await rows.locator('td.id').allInnerTexts()).slice(0, 3);
    for (const id of chosen) await rows.filter({ hasText: id }).getByRole('checkbox').check();
    await api(emulator, 'DELETE', `/chatrooms/${chosen[1]}`);
    await page.getByRole('button', { name: 'Dissolve selected (3)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dissolve 3 chatrooms' });
    await dialog.getByLabel('Type the number of chatrooms to confirm').fill('3');
    await dialog.getByRole('button', { name: 'Dissolve' }).click();
    const results = dialog.getByTestId('bulk-results').locator('tbody tr');
    await expect(results).toHaveCount(3);
    await expect(results.nth(1)).toContainText('Failed: Refused by the server · 404 resource_not_found');
    await expect(results.nth(1)).toContainText(`grpID ${chosen[1]} does not exist!`);
    await expect(dialog.getByRole('status').filter({ hasText: 'done' })).toHaveText('2 done, 1 failed');
    await expect(dialog.getByRole('button', { name: 'Retry the 1 failed' })).toBeVisible();
    await expect(dialog.getByTestId('bulk-results').locator('tbody tr.ok')).toHaveCount(2);
    await expect(dialog.getByTestId('bulk-results').locator('tbody tr.ok').first()).toContainText('Dissolved');
  });
});
