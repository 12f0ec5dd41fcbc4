// How many times other work got the event loop while `work` ran: a check that long work yields.
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; value: T }> {
  let turns = 0;
  let working = true;
  const tick = (): void => {
    turns++;
    if (working) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), turns };
  } finally {
    working = false;
  }
}
