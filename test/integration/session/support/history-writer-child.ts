// A separate process writing history (run with `node --import tsx`): for the kill -9 and the
// two-writers tests. Prints "saved <i>" once message i is on disk.
import { HistoryStore } from '../../../../src/main/history/history-store';

const [root = '', account = '', conversationId = '', countText = '0', prefix = 'm', sizeText = '100'] = process.argv.slice(2);
const store = new HistoryStore(root, account);
const filler = 'x'.repeat(Number(sizeText));
for (let i = 0; i < Number(countText); i++) {
  await store.save({ id: `${prefix}${i}`, conversationId, direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text: `${prefix}${i} ${filler}`, time: Date.now(), delivery: 'delivered' });
  process.stdout.write(`saved ${i}\n`);
}
