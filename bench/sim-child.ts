// The simulator alone in a process (bench/children.ts): prints `SIM <url>`, runs until killed.
import { createSimulator } from '../src/simulator/index';
import type { SimulatorOptions } from '../src/simulator/index';

const sim = createSimulator(JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions);
const { url } = await sim.start();
console.log(`SIM ${url}`);
process.on('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
