# Sourced by the services installed with `go install` (stripe.sh: stripe-mock; s3.sh: versitygw). The caller
# defines log and die.

# A non-login shell (CI) may not have the Go toolchain the machine image ships on its PATH.
for dir in /usr/local/go/bin "$HOME/go/bin"; do
  [ -d "$dir" ] && case ":$PATH:" in *":$dir:"*) ;; *) PATH="$PATH:$dir" ;; esac
done
export PATH

ensure_go() {  # $1: what needs it, for the message
  if ! command -v go >/dev/null && [ "$(id -u)" = 0 ]; then
    log "installing Debian's golang-go"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >&2 || die "apt-get install golang-go failed."
  fi
  command -v go >/dev/null || die "Go is needed to install $1: apt-get install golang-go."
}
