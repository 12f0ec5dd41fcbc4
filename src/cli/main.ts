// ucwa-tray: the plain-Node command-line client (entry point).
import { main } from './run-cli';

const exitCode = await main(process.argv.slice(2), process.env);
process.exitCode = exitCode;
// Keep-alive sockets must not hold a finished command open; the timer itself keeps nothing alive.
setTimeout(() => process.exit(exitCode), 50).unref();
