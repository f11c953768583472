#!/usr/bin/env node
console.log('truce');
