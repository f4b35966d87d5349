// The offline edition's search (a page opened from the file system, file://): the browser runs no worker from a
// file, so Material's search worker runs in a hidden frame instead (iframe-worker.html), as Material's own shim
// for its offline plugin does (squidfunk/iframe-worker, MIT). Unlike that shim, which writes an inline script into
// the frame, this one loads only files: the page's Content-Security-Policy stays without 'unsafe-inline'.
// Material's offline plugin adds its shim from unpkg.com unless a polyfill's name holds "iframe-worker": this one.
(function () {
  if (location.protocol !== "file:") return
  var frame = new URL("iframe-worker.html", document.currentScript.src).href
  var READY = "briefing:iframe-worker:ready"

  class FrameWorker extends EventTarget {
    constructor(url) {
      super()
      this.onmessage = null
      this.onerror = null
      this.pending = []
      this.iframe = document.createElement("iframe")
      this.iframe.hidden = true
      this.iframe.title = "search"
      this.iframe.src = frame + "#" + encodeURIComponent(new URL(url, location.href).href)
      this.listener = (event) => {
        if (event.source !== this.iframe.contentWindow) return
        if (event.data === READY) {
          var queued = this.pending
          this.pending = null
          queued.forEach((data) => this.iframe.contentWindow.postMessage(data, "*"))
          return
        }
        var message = new MessageEvent("message", { data: event.data })
        this.dispatchEvent(message)
        if (this.onmessage) this.onmessage(message)
      }
      window.addEventListener("message", this.listener)
      document.body.appendChild(this.iframe)
    }

    postMessage(data) {
      if (this.pending) this.pending.push(data)
      else this.iframe.contentWindow.postMessage(data, "*")
    }

    terminate() {
      window.removeEventListener("message", this.listener)
      this.iframe.remove()
    }
  }

  window.Worker = FrameWorker
})()
