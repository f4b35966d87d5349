// Material's search worker, with the reader's query split where the index is split.
// lunr copies its default separator (spaces and hyphens) into its query lexer when it loads; Material sets the
// site's separator (generator/mkdocs_stage/search.py: not on hyphens) on the tokenizer only. Reading the lexer's
// separator from the tokenizer keeps "S-300" one word in the query as it is in the index.
importScripts("../workers/search.a7633da7.min.js")
Object.defineProperty(lunr.QueryLexer, "termSeparator", {
  configurable: true,
  get: function () { return lunr.tokenizer.separator }
})
