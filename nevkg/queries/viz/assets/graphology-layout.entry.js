var fa2 = require("graphology-layout-forceatlas2");
var noverlap = require("graphology-layout-noverlap");
module.exports = {forceAtlas2: fa2, noverlap: noverlap};
