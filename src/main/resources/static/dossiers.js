// The dossier page's script, kept out of the page: its Content-Security-Policy runs no inline script.
const id = new URLSearchParams(location.search).get('id');
const api = '/api/dossiers/' + encodeURIComponent(id);
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = text; return e; };
const when = iso => iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';

function say(text, ok) {
  const box = document.getElementById('message');
  box.className = ok ? 'ok' : 'error';
  box.textContent = text;
}

// Changes made with the Tasklist session must carry its anti-forgery token, which the app hands to its own pages
let xsrf = null;
async function changing(url, options) {
  if (xsrf === null) {
    const r = await fetch('/api/session/xsrf-token');
    xsrf = r.ok ? await r.json() : {};
  }
  const headers = Object.assign({}, options.headers || {});
  if (xsrf.header) { headers[xsrf.header] = xsrf.token; }
  return fetch(url, Object.assign({}, options, { headers }));
}

async function problem(response) {
  try { const body = await response.json(); return body.detail || body.message || response.statusText; }
  catch (e) { return response.statusText; }
}

async function load() {
  const response = await fetch(api);
  if (!response.ok) { say(await problem(response)); return; }
  const d = await response.json();
  document.getElementById('title').textContent = 'số ' + d.id;
  const facts = document.getElementById('facts');
  facts.replaceChildren();
  const row = (label, value) => { const tr = el('tr'); tr.append(el('th', label), el('td', value)); facts.append(tr); };
  row('Mã hồ sơ', d.businessKey);
  row('Trạng thái', d.statusLabel + (d.late ? ' (nộp sau hạn)' : ''));
  row('Đối tượng', d.nominee.kindLabel + ': ' + d.nominee.name + (d.nominee.position ? ', ' + d.nominee.position : '')
      + (d.nominee.unit ? ', ' + d.nominee.unit : ''));
  row('Đơn vị đề nghị', d.proposingAgency);
  row('Hạn nộp', when(d.dueAt));
  row('Tóm tắt thành tích', d.achievementSummary);
  row('Số liệu đánh giá', d.figures.map(f => f.field + ': hạng ' + (f.ranking ?? '-') + ', điểm ' + (f.score ?? '-') + '/'
      + (f.maxScore ?? '-') + (f.source === 'EVALUATION' ? ' (kết quả chính thức)' : ' (đơn vị kê khai)')).join('; '));
  if (d.preCheck) {
    row('Kiểm tra tiêu chuẩn', d.preCheck.criteriaOutcomeLabel + (d.preCheck.criteriaReason ? ': ' + d.preCheck.criteriaReason : ''));
    if (d.preCheck.quotaWithin !== null && d.preCheck.quotaWithin !== undefined) {
      row('Kiểm tra số lượng', (d.preCheck.quotaWithin ? 'Trong hạn mức' : 'Vượt hạn mức') + ': ' + d.preCheck.quotaReason);
    }
  }
  if (d.lastNote) row('Ghi chú gần nhất', d.lastNote);
  const editable = d.status === 'DRAFT' || d.status === 'RETURNED';
  document.getElementById('upload').hidden = !editable;
  document.getElementById('submit').hidden = !editable;
  document.getElementById('missing').textContent = d.missingDocuments.length ? 'Còn thiếu: ' + d.missingDocuments.join('; ') : '';
  const list = document.getElementById('attachments');
  list.replaceChildren();
  for (const a of d.attachments) {
    const tr = el('tr');
    const link = el('a', a.fileName); link.href = a.downloadUrl;
    const name = el('td'); name.append(link);
    const actions = el('td');
    if (editable) {
      const remove = el('button', 'Gỡ');
      remove.onclick = async () => {
        const r = await changing(api + '/attachments/' + a.n, { method: 'DELETE' });
        if (r.ok) { say('Đã gỡ tài liệu ' + a.fileName + '.', true); load(); } else say(await problem(r));
      };
      actions.append(remove);
    }
    tr.append(el('td', a.n), el('td', a.documentTypeLabel), name, el('td', Math.ceil(a.sizeBytes / 1024) + ' KB'),
        el('td', a.sha256.substring(0, 16) + '…'), actions);
    list.append(tr);
  }
  const history = await fetch(api + '/history');
  const events = history.ok ? await history.json() : [];
  const rows = document.getElementById('history');
  rows.replaceChildren();
  for (const e of events) {
    const tr = el('tr');
    tr.append(el('td', when(e.occurredAt)), el('td', e.actor), el('td', e.statusLabel), el('td', e.note || e.action));
    rows.append(tr);
  }
}

document.getElementById('upload').onsubmit = async event => {
  event.preventDefault();
  const response = await changing(api + '/attachments', { method: 'POST', body: new FormData(event.target) });
  if (response.ok) { say('Đã tải lên.', true); event.target.reset(); load(); } else say(await problem(response));
};
document.getElementById('submit').onclick = async () => {
  const response = await changing(api + '/submit', { method: 'POST' });
  if (response.ok) { say('Đã nộp hồ sơ.', true); load(); } else say(await problem(response));
};
if (id) load(); else say('Thiếu số hồ sơ (?id=…).');
