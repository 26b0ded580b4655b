/**
 * Pixi code the overlay loads but never runs, cut at build time (vite.config.ts, DEPENDENCY_CUTS): pixi
 * registers its renderer systems, render pipes and texture kinds as a side effect of importing them, so an
 * unused one is kept unless the line that registers it goes. Each cut says why the overlay never needs it
 * (no widget, preset, meter style, motion setting or language does). A wrongly cut part fails only when a
 * page draws with it: every browser test runs on this build, and tests/e2e/no-webgl.test.ts draws every
 * widget with the canvas renderer, whose parts only its own chunk registers.
 */
import type { DependencyCut } from '../../vite.config.ts';

/** Put where a cut leaves a method a page could still call: it says why it no longer works. */
const cutError = (what: string) => `throw new Error("${what} is not in this build (scripts/build/pixi-cuts.ts)");`;

/**
 * Stands in for colord's CSS colour names (148 of them) in pixi's Color: our colours are numbers or hex
 * strings, and pixi's own defaults name only black and white (a text's fill and shadow, an empty gradient).
 */
const BLACK_AND_WHITE_NAMES = `const namesPlugin = (_, parsers) => parsers.string.push([(name) => ({ black: { r: 0, g: 0, b: 0, a: 1 }, white: { r: 255, g: 255, b: 255, a: 1 }, transparent: { r: 0, g: 0, b: 0, a: 0 } })[name.toLowerCase()] ?? null, "name"]);`;

export const PIXI_CUTS: readonly DependencyCut[] = [
  // Importing anything from `pixi.js` runs its index's registrations: the spritesheet loader for pixi's Assets
  // (we make every texture ourselves) and the browser extras' auto-loader (our renderers are made with
  // `manageImports: false`).
  { file: /\/pixi\.js\/lib\/index\.mjs$/, remove: ["import './spritesheet/init.mjs';", 'extensions.add(browserExt, webworkerExt);'] },
  // Video textures: we draw none. Masks (alpha and stencil): no container of ours has a mask, every rounded
  // shape is drawn or baked instead. (The colour mask stays: every render group's build uses it.)
  {
    file: /\/pixi\.js\/lib\/rendering\/init\.mjs$/,
    remove: ["import { VideoSource } from './renderers/shared/texture/sources/VideoSource.mjs';", '  AlphaMask,\n', '  StencilMask,\n', '  VideoSource,\n'],
  },
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/shared\/system\/SharedSystems\.mjs$/,
    remove: [
      // The console banner: our renderers never ask for it (`hello` is off).
      '  HelloSystem,\n',
      // renderer.generateTexture and renderer.extract: we bake with cacheAsTexture and read no pixels back.
      '  GenerateTextureSystem,\n  ExtractSystem,\n',
      // The garbage collectors' deprecated faces (pixi 8.15 moved them into GCSystem): nothing calls them.
      '  TextureGCSystem,\n',
      // The other deprecated face, and pixi's scheduler, which runs the garbage collector on pixi's own
      // ticker: idle-scheduler.ts gives the renderers one that never runs it (our clock drives every frame
      // and every texture stays in use), so the ticker goes too.
      '  RenderableGCSystem,\n  SchedulerSystem\n',
      // The alpha and stencil masks' pipes (see rendering/init.mjs above).
      '  AlphaMaskPipe,\n  StencilMaskPipe,\n',
    ],
  },
  // Uniform buffer objects: only a shader that asks for them (`ubo: true`) uses them, and ours (pixi's batch,
  // mesh, graphics and particle shaders) do not.
  { file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/WebGLRenderer\.mjs$/, remove: ['  GlUboSystem,\n'] },
  // Texture uploads for video, compressed and cube textures: every texture of ours is a canvas or pixels.
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/texture\/GlTextureSystem\.mjs$/,
    remove: ['      video: glUploadVideoResource,\n      compressed: glUploadCompressedTextureResource,\n', ',\n      cube: createGlUploadCubeTextureResource(baseUploaders)'],
  },
  // The canvas renderer's pipes and systems: registered by renderer-fallback.ts, in the chunk only a browser
  // without WebGL fetches. The WebGPU particle pipe: we never make a WebGPU renderer.
  // (CanvasTextPipe, despite its name, is every renderer's pipe for canvas-drawn text: it stays.)
  { file: /\/pixi\.js\/lib\/scene\/text\/init\.mjs$/, remove: ['extensions.add(CanvasRendererTextSystem);\n'] },
  { file: /\/pixi\.js\/lib\/scene\/graphics\/init\.mjs$/, remove: ['extensions.add(CanvasGraphicsPipe);\n', 'extensions.add(CanvasGraphicsContextSystem);\n'] },
  { file: /\/pixi\.js\/lib\/scene\/sprite-nine-slice\/init\.mjs$/, remove: ['extensions.add(CanvasNineSliceSpritePipe);\n'] },
  {
    file: /\/pixi\.js\/lib\/scene\/particle-container\/init\.mjs$/,
    remove: ['extensions.add(GpuParticleContainerPipe);\n', 'extensions.add(CanvasParticleContainerPipe);\n'],
  },
  // Text filled with a pattern: no text of ours is (the canvas helpers it needs stay in the fallback chunk).
  {
    file: /\/pixi\.js\/lib\/scene\/text\/canvas\/utils\/getCanvasFillStyle\.mjs$/,
    replace: [['} else if (fillStyle.fill instanceof FillPattern) {', '} else if (false) {']],
  },
  // Pixi's SVG parser (Graphics.svg, a GraphicsPath made from path data): our SVG icons are drawn by the
  // browser into canvases (reaction-burst/atlas.ts), every shape of ours by Graphics calls.
  { file: /\/pixi\.js\/lib\/scene\/graphics\/shared\/GraphicsContext\.mjs$/, replace: [['    SVGParser(svg, this);', `    ${cutError("pixi's SVG parser (GraphicsContext.svg)")}`]] },
  {
    file: /\/pixi\.js\/lib\/scene\/graphics\/shared\/path\/GraphicsPath\.mjs$/,
    replace: [['      parseSVGPath(instructions, this);', `      ${cutError("pixi's SVG path parser (new GraphicsPath(pathData))")}`]],
  },
  // The WebGPU half of each shader (its WGSL program, built at run time): we only make WebGL renderers.
  {
    file: /\/pixi\.js\/lib\/rendering\/batcher\/shared\/DefaultShader\.mjs$/,
    replace: [
      [
        '    const gpuProgram = compileHighShaderGpuProgram({\n      name: "batch",\n      bits: [\n        colorBit,\n        generateTextureBatchBit(maxTextures),\n        roundPixelsBit\n      ]\n    });',
        '    const gpuProgram = void 0;',
      ],
    ],
  },
  {
    file: /\/pixi\.js\/lib\/scene\/particle-container\/shared\/shader\/ParticleShader\.mjs$/,
    replace: [
      [
        '    const gpuProgram = GpuProgram.from({\n      fragment: {\n        source: wgsl,\n        entryPoint: "mainFragment"\n      },\n      vertex: {\n        source: wgsl,\n        entryPoint: "mainVertex"\n      }\n    });',
        '    const gpuProgram = void 0;',
      ],
    ],
  },
  { file: /\/pixi\.js\/lib\/rendering\/renderers\/shared\/shader\/Shader\.mjs$/, remove: ['      gpuProgram = GpuProgram.from(gpu);'] },
  // Tagged text (`tagStyles`, runs of styles inside one text): no text style of ours has tag styles.
  // And the grapheme segmenter, made when first asked for instead of on import: the first Intl.Segmenter of
  // a page loads ICU's break rules (20-30 ms here, before the overlay's first line runs), and pixi asks for
  // it only to wrap or letter-space a text.
  {
    file: /\/pixi\.js\/lib\/scene\/text\/canvas\/CanvasTextMetrics\.mjs$/,
    replace: [
      ['const isTagged = hasTagStyles(style) && hasTagMarkup(text);', 'const isTagged = false;'],
      [
        '    const segmenter = new Intl.Segmenter();\n    return (s) => {\n      const segments = segmenter.segment(s);',
        '    let segmenter = null;\n    return (s) => {\n      const segments = (segmenter ?? (segmenter = new Intl.Segmenter())).segment(s);',
      ],
    ],
  },
  // The test context pixi makes (a WebGL context of its own, 10-30 ms in software WebGL) only to ask whether
  // fragment shaders have highp: WebGL2's always have it (GLSL ES 3.00), and so does every desktop GPU's
  // and SwiftShader's WebGL1.
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/shader\/program\/getMaxFragmentPrecision\.mjs$/,
    replace: [['    maxFragmentPrecision = "mediump";\n    const gl = getTestContext();', '    maxFragmentPrecision = "highp";\n    const gl = null;']],
  },
  // The WebGL extensions pixi enables for what we never use: compressed textures (their uploads are cut
  // above), float textures and float render targets, anisotropic filtering, and the provoking vertex (no
  // shader of ours has flat varyings). Enabling each is a round trip to the GPU process, 10-20 ms a
  // context in all here. Pixi then sees what a browser without them has.
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/context\/GlContextSystem\.mjs$/,
    replace: [
      [
        `      anisotropicFiltering: gl.getExtension("EXT_texture_filter_anisotropic"),
      floatTextureLinear: gl.getExtension("OES_texture_float_linear"),
      s3tc: gl.getExtension("WEBGL_compressed_texture_s3tc"),
      s3tc_sRGB: gl.getExtension("WEBGL_compressed_texture_s3tc_srgb"),
      // eslint-disable-line camelcase
      etc: gl.getExtension("WEBGL_compressed_texture_etc"),
      etc1: gl.getExtension("WEBGL_compressed_texture_etc1"),
      pvrtc: gl.getExtension("WEBGL_compressed_texture_pvrtc") || gl.getExtension("WEBKIT_WEBGL_compressed_texture_pvrtc"),
      atc: gl.getExtension("WEBGL_compressed_texture_atc"),
      astc: gl.getExtension("WEBGL_compressed_texture_astc"),
      bptc: gl.getExtension("EXT_texture_compression_bptc"),
      rgtc: gl.getExtension("EXT_texture_compression_rgtc"),
`,
        `      anisotropicFiltering: null,
      floatTextureLinear: null,
`,
      ],
      [
        `        colorBufferFloat: gl.getExtension("EXT_color_buffer_float")
      };
      const provokeExt = gl.getExtension("WEBGL_provoking_vertex");
      if (provokeExt) {
        provokeExt.provokingVertexWEBGL(provokeExt.FIRST_VERTEX_CONVENTION_WEBGL);
      }`,
        `        colorBufferFloat: null
      };`,
      ],
    ],
  },
  // The second link of every program. Pixi links a program, reads its attributes, binds them to locations in
  // the order of their names (so that programs with the same attributes share a geometry's vertex array)
  // and links it again. The page's main thread waits for each link (3-11 ms a program in software WebGL,
  // the meter's canvas links three). Here the attributes the vertex shader declares are bound in that
  // order before the one link, and their locations are then read back.
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/shader\/program\/generateProgram\.mjs$/,
    replace: [
      [
        '  gl.linkProgram(webGLProgram);\n',
        `  if (!/^[ \\t]*#[ \\t]*version[ \\t]+300[ \\t]+es[ \\t]*$/m.test(program.vertex)) {
    const declared = program.vertex.match(/^[ \\t]*(?:in|attribute)[ \\t]+(?:(?:lowp|mediump|highp)[ \\t]+)?\\w+[ \\t]+\\w+[ \\t]*;/gm) ?? [];
    const names = [...new Set(declared.map((line) => line.match(/(\\w+)[ \\t]*;$/)[1]))].sort();
    names.forEach((name, location) => gl.bindAttribLocation(webGLProgram, location, name));
  }
  gl.linkProgram(webGLProgram);
`,
      ],
    ],
  },
  {
    file: /\/pixi\.js\/lib\/rendering\/renderers\/gl\/shader\/program\/extractAttributesFromGlProgram\.mjs$/,
    replace: [
      [
        `      attributes[keys[i]].location = i;
      gl.bindAttribLocation(program, i, keys[i]);
    }
    gl.linkProgram(program);`,
        `      attributes[keys[i]].location = gl.getAttribLocation(program, keys[i]);
    }`,
      ],
    ],
  },
  // CSS colour names but black and white (see BLACK_AND_WHITE_NAMES).
  { file: /\/pixi\.js\/lib\/color\/Color\.mjs$/, replace: [["import namesPlugin from '@pixi/colord/plugins/names';", BLACK_AND_WHITE_NAMES]] },
];
