// test.mjs — the review page in a real browser: Debian's /usr/bin/chromium
// driven by playwright-core (never a downloaded browser).
// Usage: node test.mjs DIR NAME...   (DIR/NAME.html and DIR/NAME.json, written by page.c
// from one conversion; DIR/NAME.src is the input, to check the marks' places.)
// For every page: no console error, no request, and every item of the JSON marked
// once, in the right place. For the seed 001: a tooltip on hover and on focus, a
// click in the side panel that scrolls the text to its line, a screenshot.
// Prints "html: N passed, N failed" last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [dir, ...names] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(cond, what) {
    if (cond) passed++;
    else { failed++; console.log(`FAIL: ${what}`); }
}

const KINDS = ['amount', 'indicator', 'project', 'stated', 'score', 'section', 'field', 'grade'];

// What the JSON says should be marked: kind -> list of [index, span].
function expected(json) {
    const out = Object.fromEntries(KINDS.map(k => [k, []]));
    json.amounts.forEach((x, i) => out.amount.push([String(i), x.span]));
    json.indicators.forEach((x, i) => out.indicator.push([String(i), x.span]));
    json.projects.forEach((x, i) => out.project.push([String(i), x.span]));
    json.scores.stated.forEach((x, i) => out.stated.push([String(i), x.span]));
    json.scores.items.forEach((x, i) => out.score.push([String(i), x.span]));
    let n = 0;
    const walk = list => list.forEach(s => { out.section.push([String(n++), s.span]); walk(s.sections); });
    walk(json.sections);
    for (const [key, p] of Object.entries(json.document.provenance))
        if (p.span) out.field.push([key, p.span]);
    if (json.scores.grade !== null) out.grade.push(['0', null]);
    return out;
}

// The text of an original span as the page shows it: NFKC and the report folds of
// lib/normalize.c (≦ ≧, Word bookmarks, zero-width characters), pinyin glosses
// with a tone mark after a character removed (lib/trad.c), no white space.
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const GLOSS = new RegExp(`(\\p{Script=Han})\\((?=[^)]*[${TONED}])[a-zü${TONED}]{1,6}\\)`, 'gu');
const squeeze = s => s.replace(/\[bookmark:[^\]\n]*\]/g, '').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[≦⩽]/g, '≤').replace(/[≧⩾]/g, '≥').normalize('NFKC').replace(GLOSS, '$1').replace(/[\s\u3000]+/g, '');

// A page in traditional characters is shown as baogao read it, in simplified
// characters (lib/trad.c): one Han character of the page may stand for another
// of the file, one for one.
const HAN = /\p{Script=Han}/u;
function sameText(shown, orig) {
    const a = [...shown], b = [...orig];
    return a.length === b.length && a.every((c, i) => c === b[i] || (HAN.test(c) && HAN.test(b[i])));
}

async function marks(page) {
    return page.evaluate(() => {
        const items = {}, text = {};
        for (const m of document.querySelectorAll('#text mark.hl')) {
            const id = m.getAttribute('data-ref') || m.id;
            if (!m.hasAttribute('data-ref'))
                (items[m.dataset.kind] ||= []).push([m.dataset.index, id]);
            text[id] = (text[id] || '') + m.textContent;
        }
        return { items, text };
    });
}

async function openPage(context, name) {
    const page = await context.newPage();
    const errors = [], requests = [];
    const url = pathToFileURL(path.resolve(dir, `${name}.html`)).href;
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', e => errors.push(e.message));
    page.on('request', r => { if (r.url() !== url) requests.push(r.url()); });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const ms = Date.now() - t0;
    return { page, errors, requests, ms };
}

// Every item of the JSON is marked exactly once, at its span.
async function checkMarks(page, name, json, src) {
    const want = expected(json);
    const got = await marks(page);
    for (const k of KINDS) {
        const g = (got.items[k] || []).map(x => x[0]).sort();
        const w = want[k].map(x => x[0]).sort();
        check(g.length === w.length, `${name}: ${g.length} marks of kind ${k}, JSON has ${w.length}`);
        check(JSON.stringify(g) === JSON.stringify(w), `${name}: the ${k} marks' data-index are the JSON's indices`);
    }
    let wrong = [];
    for (const k of KINDS) {
        for (const [index, span] of want[k]) {
            if (!span) continue;
            const id = (got.items[k] || []).find(x => x[0] === index)?.[1];
            const shown = squeeze(got.text[id] ?? '');
            const orig = squeeze(src.subarray(span[0], span[1]).toString('utf8'));
            if (!sameText(shown, orig)) wrong.push(`${k} ${index}: page "${shown}", file "${orig}"`);
        }
    }
    check(wrong.length === 0, `${name}: every mark shows its span of the file${wrong.length ? ': ' + wrong.slice(0, 5).join('; ') : ''}`);
}

async function tipText(page) {
    return page.evaluate(() => {
        const t = document.getElementById('tip');
        return t.hidden ? null : t.textContent;
    });
}

// Is the element in the visible part of the text pane?
async function inView(page, selector) {
    return page.evaluate(sel => {
        const e = document.querySelector(sel), pane = document.getElementById('text');
        if (!e) return false;
        const r = e.getBoundingClientRect(), p = pane.getBoundingClientRect();
        return r.bottom > p.top && r.top < p.bottom && r.height > 0;
    }, selector);
}

async function interact(page, name, json) {
    // keyboard: the first Tab reaches the skip link
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement.classList.contains('skip')), `${name}: first Tab reaches a skip link`);
    await page.evaluate(() => document.activeElement.blur());
    // hover an amount: the tooltip shows its value in 万元
    const amount = json.amounts.findIndex(a => a.value_wan !== null);
    if (amount >= 0) {
        const a = json.amounts[amount];
        await page.hover(`#a${amount}`);
        const tip = await tipText(page);
        check(tip !== null && tip.includes(`${a.value_wan} 万元`),
              `${name}: hovering amount ${amount} shows "${a.value_wan} 万元" (tooltip: ${tip})`);
        check(tip !== null && (a.label === null || tip.includes(a.label)), `${name}: the tooltip names the label ${a.label}`);
        await page.screenshot({ path: path.join(dir, `${name}.png`) });
        await page.mouse.move(1, 1);
    }
    // keyboard: focus a mark, the tooltip follows; Escape hides it
    if (json.amounts.length > 1) {
        await page.focus('#a1');
        const tip = await tipText(page);
        check(tip !== null && tip.includes(`${json.amounts[1].value_wan} 万元`), `${name}: focusing amount 1 shows its tooltip`);
        check(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby') === 'tip'),
              `${name}: the focused mark is described by the tooltip`);
        await page.keyboard.press('Escape');
        check(await tipText(page) === null, `${name}: Escape hides the tooltip`);
    }
    // click the last indicator in the side panel: the text scrolls to its line and focuses it
    if (json.indicators.length) {
        const k = json.indicators.length - 1, line = json.indicators[k].line;
        await page.evaluate(() => { document.getElementById('text').scrollTop = 0; });
        check(!(await inView(page, `#L${line}`)) || line < 30, `${name}: line ${line} starts out of view`);
        await page.click(`#panel-indicators a[href="#i${k}"]`);
        check(await page.evaluate(id => document.activeElement && document.activeElement.id === id, `i${k}`),
              `${name}: clicking indicator ${k} in the panel focuses its mark`);
        check(await inView(page, `#L${line}`), `${name}: clicking indicator ${k} scrolls line ${line} into view`);
        await page.screenshot({ path: path.join(dir, `${name}-indicator.png`) });
    }
    // a failed check's line link
    const bad = json.checks.find(c => c.status === 'mismatch' && c.lines.length);
    if (bad) {
        const line = bad.lines[0];
        await page.click(`#panel-checks tr.bad a[href="#L${line}"]`);
        check(await page.evaluate(id => document.activeElement && document.activeElement.id === id, `L${line}`),
              `${name}: clicking a mismatch's line focuses line ${line}`);
        check(await inView(page, `#L${line}`), `${name}: line ${line} of the mismatch is in view`);
        check(await page.evaluate(l => document.getElementById(`L${l}`).classList.contains('bad'), line),
              `${name}: line ${line} is marked as a failed check's line`);
    }
    // printing: one column, panels after the text, no tooltip
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
        wrap: getComputedStyle(document.querySelector('.wrap')).display,
        text: getComputedStyle(document.getElementById('text')).overflowY,
        tip: getComputedStyle(document.getElementById('tip')).display,
    }));
    check(print.wrap === 'block' && print.text === 'visible' && print.tip === 'none',
          `${name}: print layout is one column with no tooltip (${JSON.stringify(print)})`);
    await page.emulateMedia({ media: 'screen' });
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'baogao-html-'));
let context;
try {
    context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
    });
    for (const name of names) {
        const json = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
        const src = fs.readFileSync(path.join(dir, `${name}.src`));
        const { page, errors, requests, ms } = await openPage(context, name);
        await checkMarks(page, name, json, src);
        if (name === '001')
            await interact(page, name, json);
        if (name === 'hostile') {
            check(await page.evaluate(() => window.pwned === undefined), 'hostile: no script of the report ran');
            check(await page.evaluate(() => document.scripts.length === 1), 'hostile: the page has only its own script');
            check(await page.evaluate(() => document.getElementById('L1').textContent.includes('<script>window.pwned=1</script>')),
                  'hostile: <script> of the report is shown as text');
            check(await page.evaluate(() => document.querySelectorAll('#text img').length === 0), 'hostile: no <img> element made from the text');
        }
        if (name === 'long') {
            const lines = await page.evaluate(() => document.querySelectorAll('#text .l').length);
            check(lines === json.source.lines && lines >= 3000, `long: ${lines} lines shown, ${json.source.lines} in the file`);
            check(ms < 10000, `long: opened in ${ms} ms`);
            const last = json.amounts.length - 1;
            const t0 = Date.now();
            await page.hover(`#a${last}`);
            const tip = await tipText(page);
            check(tip !== null && Date.now() - t0 < 3000, `long: the tooltip of the last amount shows at once (${Date.now() - t0} ms)`);
            console.log(`long: ${lines} lines, ${await page.evaluate(() => document.querySelectorAll('#text mark').length)} marks, opened in ${ms} ms`);
        }
        check(errors.length === 0, `${name}: no console error${errors.length ? ': ' + errors.join(' | ') : ''}`);
        check(requests.length === 0, `${name}: no request${requests.length ? ': ' + requests.join(' ') : ''}`);
        await page.close();
    }
} catch (e) {
    failed++;
    console.log(`FAIL: ${e.stack || e}`);
} finally {
    if (context) await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`html: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
