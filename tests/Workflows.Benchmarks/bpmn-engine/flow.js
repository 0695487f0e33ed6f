'use strict';
// The peer side of the flow benchmark: the same BPMN file run N times by bpmn-engine, in memory,
// every user task completed (signalled) as the Fazhi side completes them through its engine.
// usage: node flow.js <file.bpmn> <instances> <concurrency>; prints one JSON line.
const fs = require('node:fs');
const { EventEmitter } = require('node:events');
const { Engine } = require('bpmn-engine');
const BpmnModdle = require('bpmn-moddle');

const [file, instancesArg = '2000', concurrencyArg = '8'] = process.argv.slice(2);
const instances = Number.parseInt(instancesArg, 10);
const concurrency = Number.parseInt(concurrencyArg, 10);
const source = fs.readFileSync(file, 'utf8');

// One instance: a fresh engine on the parsed definition (parsed once, as the Fazhi engine caches
// its parsed definitions), each user task completed on a later turn of the event loop, as a
// command from outside would arrive. Resolves when the instance has ended.
async function runOne(moddleContext) {
  const engine = new Engine({ name: 'bench', moddleContext });
  const listener = new EventEmitter();
  let tasks = 0;
  listener.on('wait', (api) => {
    if (api.type === 'bpmn:UserTask') {
      tasks++;
      setImmediate(() => api.signal({ outcome: 'approve' }));
    }
  });
  const ended = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  await engine.execute({ listener });
  await ended;
  return tasks;
}

async function run(count, moddleContext) {
  let next = 0;
  let tasks = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      next++;
      const completed = await runOne(moddleContext);
      tasks += completed;
    }
  });
  await Promise.all(workers);
  return tasks;
}

(async () => {
  const moddleContext = await new BpmnModdle().fromXML(source);
  await run(Math.min(200, instances), moddleContext); // warm-up (JIT), not reported
  const started = process.hrtime.bigint();
  const tasks = await run(instances, moddleContext);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (tasks !== instances * 4) {
    throw new Error(`expected ${instances * 4} completed user tasks, saw ${tasks}`);
  }
  process.stdout.write(JSON.stringify({
    engine: 'bpmn-engine',
    version: JSON.parse(fs.readFileSync(require.resolve('bpmn-engine').replace(/lib[\\/]index\.cjs$/, 'package.json'), 'utf8')).version,
    node: process.version,
    instances,
    concurrency,
    userTasks: tasks,
    seconds,
  }) + '\n');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
