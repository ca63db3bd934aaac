// The widget controller's choice of status (test/cluster/lib/widgets/behaviour.mjs): what each behaviour writes,
// when, and that an unknown one writes nothing.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const lib = pathToFileURL(path.resolve(import.meta.dirname, '../../cluster/lib/widgets/behaviour.mjs')).href;
const { behaviourOf, statusFor } = await import(lib);

const now = new Date('2026-01-01T10:00:00.123Z');
const widget = (behaviour: string | undefined, generation = 3, status?: object) => ({
  metadata: { name: 'w', generation, annotations: behaviour === undefined ? {} : { 'test.kube-deploy-gate.dev/behaviour': behaviour } },
  ...(status ? { status } : {}),
});
const types = (s: { conditions: { type: string; status: string; reason: string }[] } | null) =>
  s?.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`) ?? null;

describe('widget behaviours', () => {
  it('reads the annotation, ready by default; an unknown value is null', () => {
    expect(behaviourOf(widget(undefined))).toEqual({ kind: 'ready', delayMs: 0 });
    expect(behaviourOf(widget('ready-after=2s'))).toEqual({ kind: 'ready-after', delayMs: 2000 });
    expect(behaviourOf(widget('ready-after=500ms'))).toEqual({ kind: 'ready-after', delayMs: 500 });
    expect(behaviourOf(widget('stall'))).toEqual({ kind: 'stall', delayMs: 0 });
    expect(behaviourOf(widget('stal'))).toBeNull();
  });

  it('writes conditions stamped with the generation, whole-second times, and observedGeneration', () => {
    const s = statusFor(widget('ready'), behaviourOf(widget('ready')), 'start', now);
    expect(s).toEqual({
      observedGeneration: 3,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Succeeded',
          message: 'Widget is ready',
          observedGeneration: 3,
          lastTransitionTime: '2026-01-01T10:00:00Z',
        },
      ],
    });
  });

  it.each([
    ['ready-after=2s', 'start', ['Reconciling=True/Progressing', 'Ready=False/Progressing']],
    ['ready-after=2s', 'later', ['Ready=True/Succeeded']],
    ['stall', 'start', ['Stalled=True/InvalidSpec', 'Ready=False/InvalidSpec']],
    ['reconcile-forever', 'start', ['Reconciling=True/Progressing', 'Ready=False/Progressing']],
    ['ignore-generation', 'start', ['Ready=True/Succeeded']],
  ])('%s (%s)', (behaviour, phase, expected) => {
    expect(types(statusFor(widget(behaviour), behaviourOf(widget(behaviour)), phase, now))).toEqual(expected);
  });

  it('ignore-generation never writes again once it wrote a status', () => {
    const seen = widget('ignore-generation', 4, { observedGeneration: 3 });
    expect(statusFor(seen, behaviourOf(seen), 'start', now)).toBeNull();
  });
});
