using System;
using System.Security.Cryptography;
using System.Text;

namespace MediaRules.Formatting;

/// <summary>
/// The style sheet and script of the HTML report, inlined in the page, and the Content-Security-Policy that admits
/// exactly these two (by their SHA-256 hashes) and nothing else: no network, no other script, no style attribute. So
/// even a mistake in escaping could not run a script that came from an article or a rule file.
/// </summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        :root { color-scheme: light; --attribution: #0b5cad; --terminology: #b3261e; --consistency: #6f3fb5; --quotation: #8a5a00; --engine: #57606a; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f7f9; color: #1b1f24; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        header, main { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
        a { color: #0b5cad; }
        a:focus-visible, .mr-finding:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px; }
        .mr-tool, .mr-note { color: #4b5563; margin: .25rem 0; }
        .mr-legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0; }
        .mr-doc, .mr-summary { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: .25rem 1.25rem 1rem; margin: 1rem 0; }
        .mr-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.05rem/2.1 Georgia, "Times New Roman", serif; border-left: 3px solid #d8dde3; padding: .25rem 0 .25rem 1rem; margin: .5rem 0; }
        .mr-finding, .mr-swatch { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 4px; border-radius: 2px; }
        mark.mr-finding { color: inherit; }
        .mr-text .mr-finding { cursor: pointer; }
        .mr-text .mr-finding.mr-open { outline: 2px solid #1b1f24; outline-offset: 1px; }
        .mr-d2 { text-underline-offset: 8px; }
        .mr-d3 { text-underline-offset: 12px; }
        .mr-d4 { text-underline-offset: 16px; }
        .mr-cat-attribution { background: rgba(11, 92, 173, .13); text-decoration-color: var(--attribution); text-decoration-style: solid; }
        .mr-cat-terminology { background: rgba(179, 38, 30, .12); text-decoration-color: var(--terminology); text-decoration-style: wavy; }
        .mr-cat-consistency { background: rgba(111, 63, 181, .13); text-decoration-color: var(--consistency); text-decoration-style: dotted; text-decoration-thickness: 3px; }
        .mr-cat-quotation { background: rgba(138, 90, 0, .15); text-decoration-color: var(--quotation); text-decoration-style: double; }
        .mr-cat-engine, .mr-cat-other { background: rgba(87, 96, 106, .12); text-decoration-color: var(--engine); text-decoration-style: dashed; }
        .mr-sev-error { font-weight: 600; }
        .mr-finding.mr-suppressed, .mr-swatch.mr-suppressed { background: none; color: #57606a; text-decoration-color: #8c959f; text-decoration-style: dashed; }
        .mr-empty { display: inline-block; width: .6em; height: 1.2em; vertical-align: text-bottom; }
        .mr-empty::before { content: "\2038"; }
        .mr-ref { text-decoration: none; font: .7rem/1 system-ui, sans-serif; vertical-align: super; }
        .mr-ref::before { content: "[" attr(data-n) "]"; }
        .mr-counts { color: #374151; }
        .mr-findings { padding-left: 2.5rem; }
        .mr-findings > li { margin: .5rem 0; overflow-wrap: anywhere; }
        .mr-item-suppressed { color: #57606a; }
        .mr-badge { display: inline-block; font-size: .75rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; margin-right: .25rem; text-transform: uppercase; }
        .mr-badge-error { color: #b3261e; }
        .mr-badge-warning { color: #8a5a00; }
        .mr-badge-suggestion, .mr-badge-silent { color: #0b5cad; }
        .mr-badge-suppressed { color: #57606a; }
        .mr-rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
        .mr-excerpt { white-space: pre-wrap; font-family: Georgia, serif; }
        .mr-excerpt::before { content: "\201C"; }
        .mr-excerpt::after { content: "\201D"; }
        .mr-detail > div { margin: .15rem 0; }
        .mr-fix-text { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef6ee; padding: 0 .2rem; white-space: pre-wrap; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid #e5e7eb; }
        td.mr-n { text-align: right; font-variant-numeric: tabular-nums; }
        .mr-charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
        .mr-chart text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
        .mr-bar-attribution { fill: var(--attribution); }
        .mr-bar-terminology { fill: var(--terminology); }
        .mr-bar-consistency { fill: var(--consistency); }
        .mr-bar-quotation { fill: var(--quotation); }
        .mr-bar-engine, .mr-bar-other, .mr-bar-silent, .mr-bar-suppressed, .mr-bar-none { fill: var(--engine); }
        .mr-bar-error { fill: #b3261e; }
        .mr-bar-warning { fill: #c98a00; }
        .mr-bar-suggestion { fill: #0b5cad; }
        .mr-bar-named { fill: #1a7f37; }
        .mr-bar-anonymous { fill: #c98a00; }
        .mr-bar-vague { fill: #b3261e; }
        .mr-quotes li { margin: .25rem 0; }
        #mr-popover { position: absolute; z-index: 10; max-width: min(30rem, calc(100vw - 1rem)); background: #fff; border: 1px solid #9aa4af; border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, .18); padding: .5rem .75rem; font-size: .95rem; overflow-wrap: anywhere; }
        #mr-popover .mr-detail + .mr-detail { border-top: 1px solid #e5e7eb; margin-top: .5rem; padding-top: .5rem; }
        #mr-popover .mr-outer { color: #4b5563; }
        @media print { #mr-popover { display: none; } .mr-doc, .mr-summary { border: 0; } }

        """;

    public const string Script = """
        (function () {
          'use strict';
          var pop = document.getElementById('mr-popover');
          var main = document.getElementById('mr-main');
          var summary = document.getElementById('mr-summary');
          if (main && summary && main.firstElementChild !== summary) { main.insertBefore(summary, main.firstElementChild); }
          if (!pop) { return; }
          var current = null;
          var pinned = false;
          function findingOf(node) {
            return node && node.closest ? node.closest('.mr-text .mr-finding') : null;
          }
          function show(el, pin) {
            var chain = [];
            for (var f = el; f; f = findingOf(f.parentElement)) { chain.push(f); }
            pop.textContent = '';
            chain.forEach(function (f, i) {
              var info = document.getElementById(f.id + '-info');
              var detail = info ? info.querySelector('.mr-detail') : null;
              if (!detail) { return; }
              var copy = detail.cloneNode(true);
              copy.removeAttribute('id');
              copy.querySelectorAll('[id]').forEach(function (n) { n.removeAttribute('id'); });
              if (i > 0) { copy.classList.add('mr-outer'); }
              pop.appendChild(copy);
            });
            if (current && current !== el) { current.classList.remove('mr-open'); }
            current = el;
            pinned = pin;
            el.classList.add('mr-open');
            pop.hidden = false;
            var r = el.getBoundingClientRect();
            var width = pop.offsetWidth;
            var maxLeft = window.scrollX + document.documentElement.clientWidth - width - 8;
            pop.style.left = Math.max(window.scrollX + 8, Math.min(window.scrollX + r.left, maxLeft)) + 'px';
            pop.style.top = (window.scrollY + r.bottom + 6) + 'px';
          }
          function hide() {
            if (current) { current.classList.remove('mr-open'); }
            current = null;
            pinned = false;
            pop.hidden = true;
          }
          function toggle(el) {
            if (el === current && pinned) { hide(); } else { show(el, true); }
          }
          document.addEventListener('click', function (e) {
            var el = findingOf(e.target);
            if (el) { toggle(el); return; }
            var go = e.target && e.target.closest ? e.target.closest('[data-show]') : null;
            var target = go ? document.getElementById(go.getAttribute('data-show')) : null;
            if (target) {
              e.preventDefault();
              target.scrollIntoView({ block: 'center' });
              target.focus();
              show(target, true);
              return;
            }
            if (!pop.contains(e.target)) { hide(); }
          });
          document.addEventListener('keydown', function (e) {
            if (e.key === 'Escape' && !pop.hidden) {
              var back = current;
              hide();
              if (back) { back.focus(); }
              return;
            }
            var el = findingOf(document.activeElement);
            if (el && el === document.activeElement && (e.key === 'Enter' || e.key === ' ')) {
              e.preventDefault();
              toggle(el);
            }
          });
          document.addEventListener('mouseover', function (e) {
            var el = findingOf(e.target);
            if (el && !pinned && el !== current) { show(el, false); }
          });
          document.addEventListener('mouseout', function (e) {
            if (!pinned && current && !(e.relatedTarget && current.contains(e.relatedTarget))) { hide(); }
          });
          document.addEventListener('focusin', function (e) {
            var el = findingOf(e.target);
            if (el && el === e.target && !pinned) { show(el, false); }
          });
          window.addEventListener('resize', function () { if (current) { show(current, pinned); } });
        })();

        """;

    /// <summary>The policy: nothing may load or run but the inline style sheet and script above.</summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; style-src '" + Hash(Style) + "'; script-src '" + Hash(Script) + "'; base-uri 'none'; form-action 'none'";

    private static string Hash(string text)
    {
#if NET
        return "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
#else
        using var sha = SHA256.Create();
        return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
#endif
    }
}
