# Sourced by scripts/up.sh: `principal_env icp-worker` prints the env assignments that make a
# process connect to the local Kafka as that principal (none when the stack runs without SASL).
principal_env() {
  local f="$ROOT/.local/kafka/principals/$1"
  [ -s "$f" ] && printf 'KAFKA_SASL_USERNAME=%s\nKAFKA_SASL_PASSWORD=%s\n' "$1" "$(cat "$f")"
  return 0
}
