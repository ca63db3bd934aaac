// Certificates and keys for a one-machine control plane, made with the openssl CLI: a CA, the apiserver's serving
// cert (valid for 127.0.0.1 and the in-cluster names), the service-account key pair, and one admin client cert
// (O=system:masters) that the controllers, the scheduler, KWOK and the tests share.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function clientCert(dir, name, subject) {
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '365',
      '-out',
      `${name}.crt`,
      '-extfile',
      'client.ext',
    ],
    dir,
  );
}

export function ensurePki(dir) {
  if (fs.existsSync(path.join(dir, 'admin.crt'))) return false;
  fs.mkdirSync(dir, { recursive: true });
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '365',
      '-subj',
      '/CN=kube-deploy-gate-test-ca',
    ],
    dir,
  );
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'client.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n',
  );
  openssl(
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'apiserver.key', '-out', 'apiserver.csr', '-subj', '/CN=kube-apiserver'],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'apiserver.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '365',
      '-out',
      'apiserver.crt',
      '-extfile',
      'server.ext',
    ],
    dir,
  );
  clientCert(dir, 'admin', '/O=system:masters/CN=kubernetes-admin');
  // The apiserver's own identity towards the (KWOK) kubelets, for logs.
  clientCert(dir, 'apiserver-kubelet-client', '/O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client');
  openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
  openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
  return true;
}

/** The kubelet serving certificate the log server presents to the apiserver (pods/log), made once. */
export function ensureKubeletCert(dir) {
  if (fs.existsSync(path.join(dir, 'kubelet.crt'))) return;
  fs.writeFileSync(
    path.join(dir, 'kubelet.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ].join('\n'),
  );
  openssl(
    [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'kubelet.key',
      '-out',
      'kubelet.csr',
      '-subj',
      '/O=system:nodes/CN=system:node:kwok',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'kubelet.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '365',
      '-out',
      'kubelet.crt',
      '-extfile',
      'kubelet.ext',
    ],
    dir,
  );
}

export function adminKubeconfig(pkiDir, server) {
  const b64 = (f) => fs.readFileSync(path.join(pkiDir, f)).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kdg-test',
    '  cluster:',
    `    server: ${server}`,
    `    certificate-authority-data: ${b64('ca.crt')}`,
    'users:',
    '- name: kdg-admin',
    '  user:',
    `    client-certificate-data: ${b64('admin.crt')}`,
    `    client-key-data: ${b64('admin.key')}`,
    'contexts:',
    '- name: kdg-test',
    '  context:',
    '    cluster: kdg-test',
    '    user: kdg-admin',
    '    namespace: default',
    'current-context: kdg-test',
    '',
  ].join('\n');
}
