// Renders one article once with one contender into #stage and returns the elapsed time:
// from handing over the markdown to the content being in the DOM (the contender's own "done"
// signal), and to the first forced layout after it (style and layout of what was added).
(function () {
  const stage = () => document.getElementById('stage');
  const once = (el, type) => new Promise((resolve) => el.addEventListener(type, resolve, { once: true }));

  const contenders = {
    async 'help-article'(markdown) {
      const el = document.createElement('help-article');
      el.setAttribute('share', 'none');
      const done = once(el, 'help-article-load');
      el.markdown = markdown;
      stage().append(el);
      await done;
      return el;
    },
    async bare(markdown) {
      const el = document.createElement('div');
      stage().append(el);
      window.bareRender(markdown, el);
      return el;
    },
    async 'lit-floor'(markdown) {
      const el = document.createElement('lit-floor');
      const done = once(el, 'lit-floor-load');
      el.markdown = markdown;
      stage().append(el);
      await done;
      return el;
    },
    async 'shadow-floor'(markdown) {
      const el = document.createElement('shadow-floor');
      stage().append(el);
      el.render(markdown);
      return el;
    },
    async 'zero-md'(markdown) {
      const el = document.createElement('zero-md');
      const script = document.createElement('script');
      script.type = 'text/markdown';
      script.text = markdown;
      el.append(script);
      const done = once(el, 'zero-md-rendered');
      stage().append(el);
      await done;
      return el;
    },
    async 'md-block'(markdown) {
      const el = document.createElement('md-block');
      el.setAttribute('untrusted', '');
      el.mdContent = markdown;
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (el.hasAttribute('rendered')) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: ['rendered'] });
      });
      stage().append(el);
      await done;
      return el;
    },
  };

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  window.benchRender = async (name, markdown) => {
    stage().replaceChildren();
    await frame();
    await frame();
    // Start in a task of its own (as a host's click or fetch handler would), not inside a frame.
    await new Promise((r) => setTimeout(r, 0));
    const start = performance.now();
    const el = await contenders[name](markdown);
    const ready = performance.now();
    // Force style + layout of what was rendered (shadow content included).
    void document.documentElement.getBoundingClientRect().height;
    void stage().offsetHeight;
    const laidOut = performance.now();
    const text = (el.shadowRoot ?? el).textContent.length;
    return { ready: ready - start, laidOut: laidOut - start, textLength: text };
  };
})();
