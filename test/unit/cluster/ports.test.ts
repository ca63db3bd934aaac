// How `cluster:up` chooses and records its loopback ports, so a second checkout on the same machine gets its own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePorts, portsFromArgs, preferredPorts, recordedPorts, recordPorts } from '../../cluster/lib/ports.mjs';
import { tempDir } from '../../support/temp-dir.js';

const DEFAULTS = { apiserver: 16443, etcdClient: 23790, etcdPeer: 23800, kubelet: 16250 };
const freeExcept =
  (...busy: number[]) =>
  async (port: number) =>
    !busy.includes(port);

describe('choosePorts', () => {
  it('takes the defaults when nothing listens on them', async () => {
    expect(await choosePorts(DEFAULTS, { isFree: freeExcept() })).toEqual(DEFAULTS);
  });

  it("takes the next free ports when another checkout's cluster listens on the defaults", async () => {
    const isFree = freeExcept(16443, 23790, 23800, 16250, 16251);
    expect(await choosePorts(DEFAULTS, { isFree })).toEqual({ apiserver: 16444, etcdClient: 23791, etcdPeer: 23801, kubelet: 16252 });
  });

  it('skips ports another checkout has claimed but does not listen on yet', async () => {
    const ports = await choosePorts(DEFAULTS, { isFree: freeExcept(), claimed: [16443, 16444, 23790, 16250] });
    expect(ports).toEqual({ apiserver: 16445, etcdClient: 23791, etcdPeer: 23800, kubelet: 16251 });
  });

  it('never gives two components the same port', async () => {
    // etcd's client search runs into the peer's default; the peer moves on.
    const isFree = freeExcept(...Array.from({ length: 10 }, (_, i) => 23790 + i));
    const ports = await choosePorts(DEFAULTS, { isFree });
    expect(ports.etcdClient).toBe(23800);
    expect(ports.etcdPeer).toBe(23801);
  });

  it('fails naming the component and the range when none is free', async () => {
    await expect(choosePorts(DEFAULTS, { isFree: freeExcept(16443, 16444, 16445), span: 3 })).rejects.toThrow(
      'no free port for apiserver in 127.0.0.1:16443-16445',
    );
  });
});

describe('preferredPorts', () => {
  it('starts from the ports this checkout recorded last, so a restart keeps them', () => {
    const recorded = { apiserver: 16444, etcdClient: 23791, etcdPeer: 23801, kubelet: 16251 };
    expect(preferredPorts(recorded, { KDG_APISERVER_PORT: '7443' })).toEqual(recorded);
  });

  it('else from KDG_*_PORT, else the defaults', () => {
    expect(preferredPorts(null, { KDG_APISERVER_PORT: '7443', KDG_ETCD_PORT: 'x' })).toEqual({ ...DEFAULTS, apiserver: 7443 });
  });
});

describe('portsFromArgs (a cluster started before ports were recorded)', () => {
  const pids = {
    etcd: { args: ['--name=kdg', '--listen-client-urls=http://127.0.0.1:23790', '--listen-peer-urls=http://127.0.0.1:23800'] },
    'kube-apiserver': { args: ['--etcd-servers=http://127.0.0.1:23790', '--secure-port=16443'] },
    'kubelet-events': { args: ['/x/kubelet-events.mjs', '--port=16251'] },
  };

  it("reads each port from its process's arguments", () => {
    expect(portsFromArgs(pids)).toEqual({ ...DEFAULTS, kubelet: 16251 });
  });

  it('is null when a process is not recorded', () => {
    expect(portsFromArgs({ etcd: pids.etcd, 'kube-apiserver': pids['kube-apiserver'] })).toBeNull();
  });
});

describe('the ports file', () => {
  const file = () => path.join(tempDir('kdg-ports'), 'ports.json');

  it('reads back what was recorded', () => {
    const f = file();
    recordPorts({ ...DEFAULTS, apiserver: 16444 }, f);
    expect(recordedPorts(f)).toEqual({ ...DEFAULTS, apiserver: 16444 });
  });

  it('is null when missing or naming an invalid port', () => {
    const f = file();
    expect(recordedPorts(f)).toBeNull();
    fs.writeFileSync(f, JSON.stringify({ ...DEFAULTS, kubelet: 70000 }));
    expect(recordedPorts(f)).toBeNull();
  });
});
