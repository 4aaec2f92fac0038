import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readParams } from '../src/cli/actions/seed-synthetic.ts';
import { parseInput } from '../src/cli/input.ts';
import { appFailure } from './helpers/cli-io.ts';

describe('command input the database cannot store', () => {
  it('is refused by option name, with the schema problems of the same input', () => {
    const schema = z.object({ name: z.string(), seed: z.number() });
    let err: unknown;
    try {
      parseInput(schema, { name: 'a\u0000b', seed: 'x' }, { name: '--name', seed: '--seed' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'validation_failed',
      fields: [
        { field: '--name', message: 'contains a NUL character or broken Unicode' },
        { field: '--seed', message: expect.any(String) as string },
      ],
    });
  });

  it('is refused in a --params file of the synthetic generator, naming the parameter', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-params-')), 'params.json');
    fs.writeFileSync(file, JSON.stringify({ pipelines: [{ name: 'B2B\u0000' }] }));
    try {
      const err = await appFailure(Promise.resolve().then(() => readParams(file)));
      expect(err.fields).toContainEqual({
        field: '--params pipelines.0.name',
        message: 'contains a NUL character or broken Unicode',
      });
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('names each bad channel or agents parameter of a --params file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-params-')), 'params.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        channel: {
          partners: [{ type: 'reseller', tier: 'Platinum', count: 1 }],
          leadOffers: { accept: 0.8, decline: 0.5 },
          approve: 'most',
        },
        agents: { b2b: { buyerOnly: 0.6, sellerOnly: 0.3, both: 0.2 }, firms: -1 },
      }),
    );
    try {
      const err = await appFailure(Promise.resolve().then(() => readParams(file)));
      const fields = (err.fields ?? []).map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          '--params channel.partners.0.tier',
          '--params channel.leadOffers.decline',
          '--params channel.approve',
          '--params agents.b2b.both',
          '--params agents.firms',
        ]),
      );
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
