// Inside the hidden frame of iframe-worker.js: what a worker has (postMessage to its page, importScripts), then the
// worker's script, named in the frame's address; the page is told once the script and what it imported are loaded,
// and only then sends its messages.
(function () {
  var page = window.parent
  var READY = "briefing:iframe-worker:ready"
  var loading = []

  function load(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      script.src = url
      script.onload = resolve
      script.onerror = function () { reject(new Error("could not load " + url)) }
      document.head.appendChild(script)
    })
  }

  // A worker's importScripts, in order; here it returns a promise (Material's worker awaits it).
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments)
    var done = urls.reduce(function (before, url) { return before.then(function () { return load(url) }) }, Promise.resolve())
    loading.push(done)
    return done
  }
  window.postMessage = function (data) { page.postMessage(data, "*") }
  // Material's worker looks for its own shim through window.parent (another origin here, which it may not read).
  window.parent = undefined

  function settled() {
    var count = loading.length
    return Promise.all(loading).then(function () { return loading.length === count ? undefined : settled() })
  }

  load(decodeURIComponent(location.hash.slice(1))).then(settled).then(function () { page.postMessage(READY, "*") })
})()
