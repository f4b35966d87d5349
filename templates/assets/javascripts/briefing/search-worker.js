// Material's search worker, with the reader's query split where the index is split.
// lunr copies its default separator (spaces and hyphens) into its query lexer when it loads; Material sets the
// site's separator (generator/mkdocs_stage/search.py: not on hyphens) on the tokenizer only. Reading the lexer's
// separator from the tokenizer keeps "S-300" one word in the query as it is in the index.
// In the offline edition's frame (iframe-worker-runtime.js), importScripts loads later and returns a promise.
function splitQueriesAsTheIndex() {
  Object.defineProperty(lunr.QueryLexer, "termSeparator", {
    configurable: true,
    get: function () { return lunr.tokenizer.separator }
  })
}
var loading = importScripts("../workers/search.a7633da7.min.js")
if (loading && typeof loading.then === "function") loading.then(splitQueriesAsTheIndex)
else splitQueriesAsTheIndex()
