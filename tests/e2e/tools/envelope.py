"""An encrypted exchange file written and read from docs/exchange-format.md alone
("Encrypted files"), with Argon2id and AES-256-GCM from their own libraries: the
proof that another program can do it without xuncha's source.

  envelope.py seal PLAIN OUT      passphrase on stdin
  envelope.py open SEALED OUT     passphrase on stdin
  envelope.py vector DOC          prints the doc's test vector recomputed, as JSON
"""
import base64
import json
import os
import sys

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def key_of(passphrase, salt, m_cost, t_cost, p_cost):
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=t_cost, memory_cost=m_cost,
                           parallelism=p_cost, hash_len=32, type=Type.ID, version=19)


def associated(e):
    k, c = e["kdf"], e["cipher"]
    parts = [e["format"], e["format_version"], k["name"], str(k["m_cost"]), str(k["t_cost"]), str(k["p_cost"]),
             k["salt"], c["name"], c["nonce"]]
    return "|".join(parts).encode("utf-8")


def seal(plain, passphrase, salt, nonce, costs=(19456, 2, 1)):
    m, t, p = costs
    e = {"format": "xuncha-encrypted", "format_version": "1.0",
         "kdf": {"name": "argon2id", "m_cost": m, "t_cost": t, "p_cost": p,
                 "salt": base64.b64encode(salt).decode()},
         "cipher": {"name": "aes-256-gcm", "nonce": base64.b64encode(nonce).decode()}}
    sealed = AESGCM(key_of(passphrase, salt, m, t, p)).encrypt(nonce, plain, associated(e))
    e["ciphertext"] = base64.b64encode(sealed).decode()
    return e


def open_(e, passphrase):
    k = e["kdf"]
    key = key_of(passphrase, base64.b64decode(k["salt"]), k["m_cost"], k["t_cost"], k["p_cost"])
    return AESGCM(key).decrypt(base64.b64decode(e["cipher"]["nonce"]), base64.b64decode(e["ciphertext"]),
                               associated(e))


def documented(doc, label):
    vector = doc.split("#### Test vector")[1]
    line = next(l for l in vector.splitlines() if l.startswith(f"- {label}: "))
    return line.split("`")[1]


def main():
    command = sys.argv[1]
    if command == "vector":
        doc = open(sys.argv[2], encoding="utf-8").read()
        m, t, p = (int(n) for n in documented(doc, "Argon2id m_cost, t_cost, p_cost").split(", "))
        salt = bytes.fromhex(documented(doc, "salt (hex)"))
        nonce = bytes.fromhex(documented(doc, "nonce (hex)"))
        passphrase = documented(doc, "passphrase")
        e = seal(documented(doc, "plaintext").encode("utf-8"), passphrase, salt, nonce, (m, t, p))
        print(json.dumps({"key": key_of(passphrase, salt, m, t, p).hex(), "aad": associated(e).decode("utf-8"),
                          "ciphertext": e["ciphertext"]}, ensure_ascii=False))
        return
    passphrase = sys.stdin.readline().rstrip("\r\n")
    with open(sys.argv[2], "rb") as f:
        data = f.read()
    if command == "seal":
        out = json.dumps(seal(data, passphrase, os.urandom(16), os.urandom(12)), indent=2).encode("utf-8")
    else:
        out = open_(json.loads(data), passphrase)
    with open(sys.argv[3], "wb") as f:
        f.write(out)


main()
