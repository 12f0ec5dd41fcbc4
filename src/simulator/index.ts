export { UcwaSimulator, createSimulator } from './simulator';
export type { SimulatorOptions } from './simulator-options';
export { DEMO_DIRECTORY, DEMO_PASSWORD, DEMO_SCRIPTED, DEMO_USERS } from './directory';
export type { DirectoryConfig, ScriptedPartyConfig, SimUser } from './directory';
export type { ControlApi } from './control';
export { SIMULATOR_PROFILES, STRICT_LATITUDES, NO_LATITUDES } from './latitudes';
export type { Latitudes, SimulatorProfile } from './latitudes';
export { ControlInputError } from './faults';
export type { RequestLogEntry } from './request-log';
