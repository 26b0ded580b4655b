import { describe, expect, it } from 'vitest';
import { dictionaryManifestOf } from '../../../../src/feed/http/dictionary-manifest.ts';

describe("the build's dictionary manifest", () => {
  it("names each language's chunk by the dictionary module it was made from, and nothing else", () => {
    const chunks = [
      { fileName: 'assets/overlay-AbC.js', facadeModuleId: '/work/repo/index.html' },
      { fileName: 'assets/ja-Cd3mZojA.js', facadeModuleId: '/work/repo/src/i18n/words/ja.ts' },
      { fileName: 'assets/zh-Hant-CKAR8EcQ.js', facadeModuleId: '/work/repo/src/i18n/words/zh-Hant.ts' },
      { fileName: 'assets/ko-X.js', facadeModuleId: 'C:\\repo\\src\\i18n\\words\\ko.ts' },
      { fileName: 'assets/words-Y.js', facadeModuleId: '/work/repo/src/i18n/words.ts' },
      { fileName: 'assets/lib-Z.js', facadeModuleId: null },
    ];
    expect(dictionaryManifestOf(chunks)).toEqual({ ja: '/assets/ja-Cd3mZojA.js', 'zh-Hant': '/assets/zh-Hant-CKAR8EcQ.js', ko: '/assets/ko-X.js' });
  });
});
