#!/usr/bin/env bash
# TEST MATERIAL ONLY, never a real credential: a throwaway CA, a "bank" server certificate for
# localhost and an "aidline" client certificate, for the mutual TLS tests (MutualTlsTests,
# AuthenticatedPayoutIntegrationTests). Run from this directory to make new ones; valid 100 years.
set -euo pipefail
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj "/CN=Aidline TEST bank CA" \
  -keyout test-ca.key -out test-ca.crt
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout test-bank.key -out test-bank.csr
openssl x509 -req -in test-bank.csr -CA test-ca.crt -CAkey test-ca.key -CAcreateserial -days $days -out test-bank.crt \
  -extfile <(printf "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth")
openssl req -newkey rsa:2048 -nodes -subj "/CN=aidline TEST client" -keyout test-client.key -out test-client.csr
openssl x509 -req -in test-client.csr -CA test-ca.crt -CAkey test-ca.key -CAcreateserial -days $days -out test-client.crt \
  -extfile <(printf "extendedKeyUsage=clientAuth")
# WireMock (Jetty) reads keystores: the bank's key and certificate, and the CA it trusts for clients.
rm -f test-bank-keystore.p12 test-bank-truststore.p12
openssl pkcs12 -export -in test-bank.crt -inkey test-bank.key -certfile test-ca.crt -name bank \
  -passout pass:test-only -out test-bank-keystore.p12
keytool -importcert -noprompt -storetype PKCS12 -alias test-ca -file test-ca.crt \
  -keystore test-bank-truststore.p12 -storepass test-only
rm -f test-bank.csr test-client.csr test-ca.srl test-ca.key
