// A CommonJS user: require() of every entry (jose, ESM-only, through Node's require(esm)).
'use strict'
const { run } = require('./spec.cjs')
run('require', (entry) => require(entry), require('routekit/package.json').exports)
