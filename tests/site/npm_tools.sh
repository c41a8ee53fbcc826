# Sourced: installs the npm tools of the website's tests into $NPM_CACHE once per build folder
# (puppeteer-core drives Debian's chromium, so no browser is downloaded; axe-core; html-validate).
npm_tools() {
  local modules="$NPM_CACHE/node_modules"
  [[ -e "$modules/html-validate/package.json" && -e "$modules/axe-core/axe.min.js" &&
     -e "$modules/puppeteer-core/package.json" ]] && return 0
  mkdir -p "$NPM_CACHE"
  (cd "$NPM_CACHE" && npm install --no-audit --no-fund --silent puppeteer-core@21 axe-core@4 html-validate@8)
}
