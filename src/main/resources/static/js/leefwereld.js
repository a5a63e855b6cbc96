/*
 * Leefwereld: small improvements on top of pages that work without JavaScript (CSP: script-src 'self', no inline code).
 * - After a session expiry: put what the user had typed back into the form (the server hands it out once).
 * - Errors: the error summary in the order of the fields, focused and scrolled into view; without a summary the
 *   first field with an error.
 * - Confirmations: next to the section that was changed, focused.
 * - Tables: each cell gets its column name, so narrow screens can show a table as stacked rows (see leefwereld.css).
 * - Forms that copy values from another form (data-lw-copy-from) take the values as they are at the moment of sending.
 */
(function () {
  'use strict';

  var SECTION_KEY = 'leefwereld.changedSection';

  function pathOf(url) {
    try {
      return new URL(url, window.location.href).pathname;
    } catch (e) {
      return null;
    }
  }

  function focusAndShow(element, block) {
    if (!element) {
      return false;
    }
    if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus({preventScroll: true});
    element.scrollIntoView({block: block || 'start'});
    return true;
  }

  /** Puts the saved values into the form on this page that posts to the saved action; returns the notice or null. */
  function restoreTypedValues() {
    var notice = document.getElementById('hersteld');
    if (!notice) {
      return null;
    }
    var action = notice.getAttribute('data-action');
    var form = Array.prototype.find.call(document.forms, function (f) {
      return f.getAttribute('method') && f.getAttribute('method').toLowerCase() === 'post'
          && pathOf(f.getAttribute('action') || '') === action && !notice.contains(f);
    });
    if (!form) {
      return notice;
    }
    var values = {};
    notice.querySelectorAll('.lw-restored__data input[data-name]').forEach(function (input) {
      var name = input.getAttribute('data-name');
      (values[name] = values[name] || []).push(input.value);
    });
    Array.prototype.forEach.call(form.elements, function (field) {
      var name = field.name;
      if (!name || field.type === 'hidden' || field.type === 'submit' || field.type === 'button' || field.type === 'password'
          || field.type === 'file' || !Object.prototype.hasOwnProperty.call(values, name)) {
        return;
      }
      var given = values[name];
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = given.indexOf(field.value) !== -1;
      } else if (field.tagName === 'SELECT' && field.multiple) {
        Array.prototype.forEach.call(field.options, function (o) { o.selected = given.indexOf(o.value) !== -1; });
      } else {
        field.value = given[0];
      }
    });
    // Put the notice right above the form it belongs to.
    form.parentNode.insertBefore(notice.parentNode, form);
    return notice;
  }

  /** Sorts the error summary's links in the order the fields have on the page. */
  function orderErrorSummary(summary) {
    var list = summary.querySelector('ul');
    if (!list) {
      return;
    }
    var items = Array.prototype.slice.call(list.children);
    var target = function (li) {
      var link = li.querySelector('a[href^="#"]');
      return link ? document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1))) : null;
    };
    items.sort(function (a, b) {
      var ta = target(a), tb = target(b);
      if (!ta || !tb || ta === tb) {
        return ta ? -1 : (tb ? 1 : 0);
      }
      return ta.compareDocumentPosition(tb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    items.forEach(function (li) { list.appendChild(li); });
  }

  /** The confirmation goes to the section that was changed: the #fragment, else the section of the form just sent. */
  function placeFlash(flash) {
    var section = null;
    if (window.location.hash.length > 1) {
      section = document.getElementById(decodeURIComponent(window.location.hash.substring(1)));
      if (section && window.history && window.history.replaceState) {
        // The browser's own jump to the #fragment (after loading) would take the focus away from the message again.
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      }
    }
    if (!section) {
      try {
        var remembered = JSON.parse(window.sessionStorage.getItem(SECTION_KEY) || 'null');
        if (remembered && remembered.path === window.location.pathname) {
          section = document.getElementById(remembered.id);
        }
      } catch (e) {
        section = null;
      }
    }
    if (section && !section.contains(flash)) {
      var heading = section.querySelector('h1, h2, h3');
      if (heading && heading.parentNode === section) {
        heading.insertAdjacentElement('afterend', flash);
      } else {
        section.insertBefore(flash, section.firstChild);
      }
    }
    focusAndShow(flash, section ? 'center' : 'start');
  }

  function rememberSectionOnSubmit() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var section = form.closest ? form.closest('section[id]') : null;
      try {
        if (section) {
          window.sessionStorage.setItem(SECTION_KEY, JSON.stringify({path: window.location.pathname, id: section.id}));
        } else {
          window.sessionStorage.removeItem(SECTION_KEY);
        }
      } catch (e) {
        // storage off: the confirmation stays where the page put it
      }
    }, true);
  }

  function copyValuesOnSubmit() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var sourceId = form.getAttribute && form.getAttribute('data-lw-copy-from');
      var source = sourceId ? document.getElementById(sourceId) : null;
      if (!source) {
        return;
      }
      Array.prototype.forEach.call(form.querySelectorAll('input[type=hidden][data-lw-copy]'), function (copy) {
        var field = source.elements.namedItem(copy.name);
        if (!field || field instanceof RadioNodeList) {
          return;
        }
        copy.value = field.type === 'checkbox' ? (field.checked ? field.value : '') : field.value;
      });
    }, true);
  }

  /** Gives every data cell the name of its column (data-label), for the stacked layout on narrow screens. */
  function labelTableCells() {
    document.querySelectorAll('table.lw-table').forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (headers[i] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', headers[i]);
          }
        });
      });
    });
  }

  function start() {
    labelTableCells();
    rememberSectionOnSubmit();
    copyValuesOnSubmit();
    var restored = restoreTypedValues();
    var summary = document.getElementById('foutmeldingen');
    if (summary) {
      orderErrorSummary(summary);
    }
    var flash = document.querySelector('.lw-flash');
    if (flash && !summary) {
      placeFlash(flash);
    }
    try {
      window.sessionStorage.removeItem(SECTION_KEY);
    } catch (e) {
      // nothing to forget
    }
    if (restored) {
      focusAndShow(restored);
    } else if (summary) {
      focusAndShow(summary);
    } else if (!flash) {
      var invalid = document.querySelector('[aria-invalid="true"]');
      if (invalid) {
        var message = invalid.closest('.utrecht-form-field, fieldset') || invalid;
        message.scrollIntoView({block: 'center'});
        invalid.focus({preventScroll: true});
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
