// A throwaway certificate authority and a server certificate for 127.0.0.1,
// made with the openssl command line (no network needed), so the runtime
// tests can run HTTPS the way every real Twilio call goes, with each runtime
// trusting the test CA its own way.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** PEM files of the test CA and the server certificate it signed. */
export interface TestCertificates {
  /** Path of the CA certificate (what clients trust). */
  caFile: string;
  ca: string;
  key: string;
  cert: string;
}

function openssl(dir: string, args: string[]): void {
  try {
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const missing = (error as { code?: string }).code === "ENOENT";
    throw new Error(
      missing
        ? "The runtime tests need the openssl command line to make their test CA (Debian: apt-get install openssl)."
        : `openssl ${args.join(" ")} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`,
    );
  }
}

/** Creates the CA and a server certificate for `127.0.0.1` and `localhost` in `dir`. */
export function makeCertificates(dir: string): TestCertificates {
  const subject = (cn: string) => ["-subj", `/CN=${cn}`];
  openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-keyout",
    "ca-key.pem",
    "-out",
    "ca.pem",
    ...subject("twilio-interactions test CA"),
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign",
  ]);
  openssl(dir, [
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "server-key.pem",
    "-out",
    "server.csr",
    ...subject("127.0.0.1"),
  ]);
  writeFileSync(
    join(dir, "server.ext"),
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n",
  );
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca-key.pem",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  ]);
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  return { caFile: join(dir, "ca.pem"), ca: read("ca.pem"), key: read("server-key.pem"), cert: read("server.pem") };
}
