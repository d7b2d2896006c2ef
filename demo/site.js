// The demo help site: article list by category from dist/content-index.json, ?article= / ?lang=
// navigation, and a language switch that drives <help-article> live. Classic script on purpose:
// the page shows the script-tag use of the widget.
(function () {
  'use strict';
  var labels = {
    de: { brand: 'Hilfe-Center', articles: 'Artikel nach Kategorie', home: 'Hilfe-Center', footer: '© 2026 Belbo · Online-Terminbuchung · Diese Demo lädt nichts von Drittanbietern.', all: 'Alle Kategorien', skip: 'Zum Artikel springen', homeLabel: 'Belbo Hilfe-Center, Startseite', crumbs: 'Sie sind hier' },
    en: { brand: 'Help Center', articles: 'Articles by category', home: 'Help Center', footer: '© 2026 Belbo · Online appointment booking · This demo loads nothing from third parties.', all: 'All categories', skip: 'Skip to article', homeLabel: 'Belbo Help Center, home', crumbs: 'You are here' },
  };
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'de';
  var DEFAULT_ARTICLE = 'versandte-email-nicht-im-postfach';
  var articleId = params.get('article') || DEFAULT_ARTICLE;
  var category = params.get('category');
  var index = [];
  var article = document.getElementById('article');

  // The widget's own slugs, so category links match the tags' {slug}.
  function slug(text) {
    return window.HelpArticleWidget.slugify(text);
  }

  function entry(id, l) {
    return index.filter(function (e) { return e.id === id && e.lang === l; })[0];
  }

  // Starts the article's download while the widget's script is still being parsed; the widget's
  // own fetch (same URL, same-origin credentials) then takes the preloaded response.
  function preload(src) {
    if (document.querySelector('link[rel="preload"][href="' + src + '"]')) return;
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = src;
    document.head.append(link);
  }

  function renderNav() {
    var nav = document.getElementById('article-nav');
    var byCategory = {};
    index.filter(function (e) { return e.lang === lang; }).forEach(function (e) {
      e.categories.forEach(function (c) {
        if (category && slug(c) !== category) return;
        (byCategory[c] = byCategory[c] || []).push(e);
      });
    });
    nav.textContent = '';
    if (category) {
      var all = document.createElement('a');
      all.href = '/?lang=' + lang;
      all.className = 'all';
      all.textContent = '← ' + labels[lang].all;
      nav.append(all);
    }
    // The current article is marked once: under the category the reader came from, else its first.
    var current = entry(articleId, lang);
    var home = current && (current.categories.filter(function (c) { return category && slug(c) === category; })[0] || current.categories[0]);
    Object.keys(byCategory).sort().forEach(function (name) {
      var group = document.createElement('section');
      var h = document.createElement('h3');
      h.textContent = name;
      var ul = document.createElement('ul');
      byCategory[name].forEach(function (e) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/?article=' + encodeURIComponent(e.id) + '&lang=' + lang;
        a.textContent = e.title;
        if (e.id === articleId && name === home) a.setAttribute('aria-current', 'page');
        li.append(a);
        ul.append(li);
      });
      group.append(h, ul);
      nav.append(group);
    });
  }

  function renderChrome() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = labels[lang][el.getAttribute('data-i18n')];
    });
    document.querySelectorAll('[data-i18n-label]').forEach(function (el) {
      el.setAttribute('aria-label', labels[lang][el.getAttribute('data-i18n-label')]);
    });
    document.querySelectorAll('.lang-switch button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    var current = entry(articleId, lang);
    var crumbs = document.getElementById('crumbs');
    crumbs.textContent = '';
    var home = document.createElement('a');
    home.href = '/?lang=' + lang;
    home.textContent = labels[lang].home;
    crumbs.append(home);
    if (current) {
      var sep = document.createElement('span');
      sep.textContent = ' / ';
      sep.setAttribute('aria-hidden', 'true');
      var here = document.createElement('span');
      here.textContent = current.categories[0];
      crumbs.append(sep, here);
      document.title = current.title + ' – Belbo ' + labels[lang].brand;
    }
    renderNav();
  }

  function showArticle() {
    // The page language drives the widget's labels; the article file follows it.
    var src = '/content/' + articleId + '.' + lang + '.md';
    article.classList.remove('pending');
    preload(src);
    article.setAttribute('src', src);
    renderChrome();
  }

  document.querySelectorAll('.lang-switch button').forEach(function (b) {
    b.addEventListener('click', function () {
      lang = b.getAttribute('data-lang');
      var url = new URL(location.href);
      url.searchParams.set('lang', lang);
      // Category names (and so their slugs) differ per language: show all categories instead.
      category = null;
      url.searchParams.delete('category');
      history.replaceState(null, '', url);
      showArticle();
    });
  });

  article.addEventListener('help-article-error', function (e) {
    console.info('help-article-error', e.detail);
  });

  var pickFromCategory = Boolean(category) && !params.get('article');
  // The widget's script runs after this one (both deferred) and loads its first chunk after that:
  // its helpers (slugify) are there once `HelpArticleWidget.ready` resolves.
  var widget = new Promise(function (resolve) {
    document.addEventListener('DOMContentLoaded', function () { resolve(window.HelpArticleWidget.ready); });
  });
  Promise.all([fetch('/dist/content-index.json').then(function (r) { return r.json(); }), widget])
    .then(function (all) {
      index = all[0];
      if (pickFromCategory) {
        // A category page opens on the category's first article.
        var first = index.filter(function (e) {
          return e.lang === lang && e.categories.some(function (c) { return slug(c) === category; });
        })[0];
        if (first) articleId = first.id;
        showArticle();
      } else if (!entry(articleId, lang)) {
        articleId = DEFAULT_ARTICLE;
        showArticle();
      } else {
        renderChrome();
      }
    })
    .catch(function () {
      if (pickFromCategory) showArticle();
      else renderChrome();
    });
  // Set the article before the widget's script runs, so it fetches the right file once. A category
  // page without an article needs the index to know which one: the article stays hidden until then.
  if (pickFromCategory) article.classList.add('pending');
  else showArticle();
})();
