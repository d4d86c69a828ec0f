// nevkg network page, part 1b: the bulk of a large drawing's edges, drawn straight from the typed arrays.
// A graphology graph of 200,000 edges takes seconds to build and sigma as long again to copy each edge into its
// buffers; here the node positions go to the GPU once (one vertex per node) and the edges as a list of vertex
// numbers (FROM, TO), rebuilt only when the filters change. sigma runs it as one of its edge programs (so it is
// drawn on the edge layer, under the nodes, hidden while the camera moves) although no edge of its type is in
// the graph. While a node is selected, sigma draws that node's edges in colour instead (app.js, setFocus).
(function () {
  "use strict";
  var I = window.nevkg.internals;
  var VERTEX = "attribute vec2 a_position;\nuniform mat3 u_matrix;\n" +
    "void main() { gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1); }\n";
  var FRAGMENT = "precision mediump float;\nuniform vec4 u_color;\nvoid main() { gl_FragColor = u_color; }\n";

  function compile(gl, type, source) {
    var shader = gl.createShader(type);
    gl.shaderSource(shader, source); gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error("nevkg edges: " + gl.getShaderInfoLog(shader));
    return shader;
  }
  function rgba(hex) {
    var v = parseInt(hex.slice(1, 7), 16);
    return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255, 1];
  }

  // a sigma edge program (sigma 3's interface: constructor(gl, pickingBuffer, renderer), reallocate, process,
  // render, kill); sigma gives it no edge, so reallocate and process have nothing to do
  function BulkEdges(gl, pickingBuffer, renderer) {
    this.gl = gl; this.renderer = renderer;
    var program = this.program = gl.createProgram();
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error("nevkg edges: " + gl.getProgramInfoLog(program));
    this.aPosition = gl.getAttribLocation(program, "a_position");
    this.uMatrix = gl.getUniformLocation(program, "u_matrix");
    this.uColor = gl.getUniformLocation(program, "u_color");
    this.positions = gl.createBuffer(); this.indices = gl.createBuffer();
    var wide = I.nodes.length > 65535;
    if (wide && !(typeof WebGL2RenderingContext !== "undefined" && gl instanceof WebGL2RenderingContext) &&
        !gl.getExtension("OES_element_index_uint")) throw new Error("nevkg edges: no 32-bit vertex numbers in this WebGL");
    this.Index = wide ? Uint32Array : Uint16Array; this.indexType = wide ? gl.UNSIGNED_INT : gl.UNSIGNED_SHORT;
    this.colour = rgba(I.edgeColour[0] || "#d3d9de");
    this.placed = false; this.filtered = -1; this.count = 0;
    var self = this;
    renderer.on("afterProcess", function () { self.placed = false; });  // node positions are (re)normalised then
  }
  BulkEdges.prototype.reallocate = function () {};
  BulkEdges.prototype.process = function () {};
  BulkEdges.prototype.kill = function () {
    var gl = this.gl;
    gl.deleteBuffer(this.positions); gl.deleteBuffer(this.indices); gl.deleteProgram(this.program);
  };
  BulkEdges.prototype.place = function () {  // each node where sigma put it (its normalised coordinates)
    var ids = I.ids, xy = new Float32Array(2 * ids.length), r = this.renderer, gl = this.gl;
    for (var i = 0; i < ids.length; i++) {
      var d = r.getNodeDisplayData(ids[i]);
      if (d) { xy[2 * i] = d.x; xy[2 * i + 1] = d.y; }
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positions);
    gl.bufferData(gl.ARRAY_BUFFER, xy, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.placed = true;
  };
  BulkEdges.prototype.list = function () {  // the vertex numbers of the edges shown, two per edge
    var FROM = I.FROM, TO = I.TO, SHOWN = I.ESHOWN, n = I.counts().edges, out = new this.Index(2 * n), k = 0, gl = this.gl;
    for (var e = 0; e < SHOWN.length; e++) if (SHOWN[e]) { out[k++] = FROM[e]; out[k++] = TO[e]; }
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, out, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
    this.count = k; this.filtered = I.filtered();
  };
  BulkEdges.prototype.render = function (params) {
    if (I.focused()) return;  // a selected node: only its edges, which sigma draws from the graph
    var gl = this.gl;
    if (!this.placed) this.place();
    if (this.filtered !== I.filtered()) this.list();
    if (!this.count) return;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio);
    gl.useProgram(this.program);
    gl.disable(gl.BLEND);  // opaque one-pixel lines of one colour: blending would change no pixel
    gl.uniformMatrix3fv(this.uMatrix, false, params.matrix);
    gl.uniform4fv(this.uColor, this.colour);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.positions);
    gl.enableVertexAttribArray(this.aPosition);
    gl.vertexAttribPointer(this.aPosition, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indices);
    gl.drawElements(gl.LINES, this.count, this.indexType, 0);
    gl.disableVertexAttribArray(this.aPosition);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  };
  I.BulkEdges = BulkEdges;
})();
