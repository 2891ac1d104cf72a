local os = require('os')
