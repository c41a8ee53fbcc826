#!/usr/bin/env node
// Regenerates the opening_hours test vectors with opening_hours.js, the reference implementation of the
// OpenStreetMap opening_hours syntax. The kiosk's unit test (tests/core/test_opening_hours_vectors.cpp)
// reads the committed files; CI needs no node.
//
//   cd tests/core/opening_hours_vectors && npm install && REF_COMMIT=e041cdf node generate.js [path/to/opening_hours.js/test/test.js]
// (the committed suite.txt comes from github.com/opening-hours/opening_hours.js at commit e041cdf)
//
// vectors.txt: generated values over five fortnights each (Christmas/New Year, Easter, an ordinary
//   fortnight, a month change with 1 May, autumn school holidays with Allerheiligen), with the de/bw
//   holidays; values the reference refuses are listed as "refused".
// suite.txt: the cases of the reference's own test suite (test/test.js) that use features the kiosk
//   supports, with the suite's expected intervals; only written when test.js is given.
'use strict';
process.env.TZ = 'UTC';  // wall-clock days without daylight saving gaps

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const OpeningHours = require('opening_hours');
const version = require('opening_hours/package.json').version;

const nominatim = {lat: '48.74', lon: '9.31', address: {country_code: 'de', state: 'Baden-Württemberg'}};
const fortnights = ['2026-12-21', '2027-03-22', '2026-03-02', '2026-04-24', '2026-10-26'];

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const hhmm = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const dayStart = (text) => { const [y, m, d] = text.split('-').map(Number); return new Date(y, m - 1, d); };
const addDays = (date, n) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + n);

// Intervals [from, to, unknown] as lines "YYYY-MM-DD<TAB>RANGES" for each day in [first, first + days).
function dayLines(intervals, first, days) {
    const perDay = new Map();
    for (const [from, to, unknown] of intervals) {
        for (let day = new Date(from.getFullYear(), from.getMonth(), from.getDate()); day < to; day = addDays(day, 1)) {
            const next = addDays(day, 1);
            const a = Math.max(from.getTime(), day.getTime()), b = Math.min(to.getTime(), next.getTime());
            if (b <= a) continue;
            const ranges = perDay.get(isoDay(day)) || [];
            const start = Math.round((a - day.getTime()) / 60000), end = Math.round((b - day.getTime()) / 60000);
            const last = ranges[ranges.length - 1];
            if (last && last.end === start && last.unknown === unknown) last.end = end;
            else ranges.push({start, end, unknown});
            perDay.set(isoDay(day), ranges);
        }
    }
    const lines = [];
    for (let i = 0; i < days; ++i) {
        const day = isoDay(addDays(first, i));
        const ranges = perDay.get(day) || [];
        lines.push(day + '\t' + ranges.map((r) => (r.unknown ? '?' : '') + hhmm(r.start) + '-' + hhmm(r.end)).join(','));
    }
    return lines;
}

function values() {
    const days = ['Mo', 'Mo-Fr', 'Sa,Su', 'Fr-Mo', 'Tu,Th', 'Mo-We,Fr', 'Su', 'Mo[1]', 'Su[-1]', 'Mo[2-3]', 'We[1,3]',
        'Fr[-1] -1 day', 'Sa[1] +2 days', 'Th[5]', 'PH', 'PH +1 day', 'PH -1 day', 'SH', 'PH,SH', 'SH Mo-Fr',
        'Mo-Fr,PH', 'PH Mo-Fr', 'PH,Sa', 'Jan', 'Dec', 'Apr-Oct', 'Nov-Feb', 'Mar,May', 'Dec 24', 'Dec 24-26',
        'Dec 24-Jan 06', 'Dec 31', 'Jan 01', 'Apr 27-May 03', 'Dec 24,31', 'Nov 01-30/2', 'Dec 20-Jan 10',
        'Mar 30-Apr 05', 'easter', 'easter -2 days', 'easter +1 day', 'easter -3 days-easter +1 day',
        'week 01-53/2', 'week 52-53', 'week 01', 'week 14-18', 'week 10-12,14', '2026', '2027', '2026-2027',
        '2027+', '2020-2030/2', 'Dec Mo-Fr', 'Apr-Oct Sa,Su', '2026 Dec 24', '2027 Jan 01-2027 Jan 03',
        'Oct Su[-1]', 'Nov Mo[1]', 'Dec 24-26 Mo-Fr', 'week 53 Mo', 'SH Sa', 'Jan 06-Mar 31',
        'Apr 30-May 02', 'Oct 31-Nov 02', 'Dec 25-easter'];
    const times = ['08:00-12:00', '08:00-12:00,13:00-18:00', '22:00-02:00', '18:00+', '10:00-18:00+', '06:00-00:00',
        '00:00-00:00', '22:00-22:00', '00:00-24:00', '20:00-26:00', '09:30-24:00', '07:00+,12:00-16:00',
        '17:00-03:00', '12:00-08:00', '23:00-01:00,10:00-11:00'];
    const modifiers = ['', ' off', ' unknown', ' open', ' "nach Vereinbarung"', ' closed "Betriebsferien"'];
    const bases = ['Mo-Fr 08:00-18:00', 'Mo-Sa 09:00-12:00,14:00-18:00', '24/7', 'Mo-Fr 22:00-02:00',
        'Tu-Sa 10:00-18:00+', 'Mo,We,Fr 09:00-12:00; Tu,Th 14:00-18:00'];
    const out = new Set();
    days.forEach((d, i) => {
        out.add(d);
        out.add(`${d} ${times[i % times.length]}`);
        out.add(`${d} ${times[(i + 5) % times.length]}${modifiers[i % modifiers.length]}`);
        bases.forEach((b, j) => {
            if ((i + j) % 2 === 0) out.add(`${b}; ${d}${modifiers[(i + j) % modifiers.length] || ' off'}`);
            if ((i + j) % 3 === 0) out.add(`${b}; ${d} ${times[(i + j) % times.length]}`);
        });
    });
    times.forEach((t, i) => {
        out.add(t);
        out.add(`Mo-Fr ${t}`);
        modifiers.forEach((m) => out.add(`Sa ${t}${m}`));
        out.add(`Mo-Fr ${t}, Sa 09:00-12:00`);
        out.add(`Mo-Fr ${t} || "nach Vereinbarung"`);
        out.add(`Mo-Fr ${t} || Sa-Su 10:00-12:00 unknown`);
        out.add(`${bases[i % bases.length]}, ${days[i * 3 % days.length]} ${t}`);
    });
    [
        'Mo-Fr 09:00-17:00, Sa 09:00-12:00', 'Mo 08:00-10:00; 09:00-17:00', 'Mo-Fr 08:00-12:00; "nach Vereinbarung"',
        '"nach telefonischer Vereinbarung"', 'Mo-Fr 08:00-12:00 "Bürozeit"; PH off', 'open; Mo 15:00-16:00 off',
        'Mo-Fr 10:00-20:00; We 10:00-16:00', '10:00-14:00; 12:00-14:00 off', 'Mo-Su 22:00-02:00; We off',
        'Fr 22:00-02:00; Sa 10:00-12:00', 'Mo-Fr 08:00-16:00; SH off', 'Mo-Fr 08:00-16:00; SH Mo-Fr 09:00-12:00',
        'Mo[1] 15:00-17:00', 'Mo-Fr 09:00-12:00; Mo[1] 15:00-17:00', 'Mo-Fr 09:00-18:00; Dec 24 off; Dec 31 09:00-12:00',
        'Mo-Fr 08:00-12:00; PH off; Dec 24-Jan 06 off', 'Apr-Oct Mo-Fr 08:00-20:00; Nov-Mar Mo-Fr 08:00-17:00',
        'week 01-53/2 Mo 10:00-12:00', 'week 02-52/2 Mo 10:00-12:00', '2026 Mo-Fr 08:00-12:00; 2027 Mo-Fr 09:00-13:00',
        'easter -2 days-easter +1 day off; Mo-Fr 08:00-12:00', 'Mo-Fr 08:00-12:00; easter -2 days-easter +1 day off',
        'Mo-Fr 08:00-12:00; PH +1 day 10:00-11:00', 'Mo-Sa 10:00-20:00; PH -1 day 10:00-14:00',
        'Mo-Fr 07:00+,12:00-16:00; 16:00-24:00 closed', 'Mo-Fr 08:00-12:00 || PH off', 'Mo-Fr 08:00-12:00 open, PH off',
        'Mo-Fr 08:00-12:00 unknown "Termine", Sa 10:00-11:00', 'Su[-1] 10:00-12:00; Dec Su[-1] off',
        'Mo-Fr 08:00-12:00, We 14:00-18:00', 'Mo-Fr 08:00-12:00, PH 10:00-11:00', 'Mo-Fr: 08:00-12:00',
        'Mo-Fr 08:00-18:00; Dec 24,31 08:00-12:00; Dec 25,26 off', 'SH Mo-Fr 10:00-12:00; PH off',
        'Jan-Mar,Oct-Dec Mo-Fr 09:00-17:00', 'Dec 24-26,31 off', 'Sa[1-2] 10:00-14:00', 'Mo[-1] 18:00-20:00',
        'Tu[1] +1 day 10:00-11:00', 'Mo-Fr 08:00-12:00 || "nach Vereinbarung"', '24/7 closed', '24/7 unknown',
        'Mo-Fr 08:00-12:00; Mo-Fr 12:00-13:00 off', 'Mo-Fr 09:00-17:00; PH,SH off', 'mo-fr 08:00-12:00',
        'Mo-Fr 08:00-12:00; Sa "nach Vereinbarung"', 'off', 'open', 'unknown', 'Mo-Fr 22:00-06:00',
        'Mo 08:3:', 'Mo 08::0-12:00', 'Mo 25:00-26:00', 'Mo 08:60-09:00', 'Mo 24:00-02:00', 'Mo 12:00',
        'Mo-Xy 08:00-12:00', 'Mo 08:00-12:00 13:00-14:00', 'Apr 31', 'week 54', 'Mo[0] 10:00-11:00', 'Mo[6]',
        'Mo 10:00-12:00 "offen', '2027-2026', 'Mo 08:00-12:00,', 'PH +2 days', 'Mo 10:00-50:00',
    ].forEach((v) => out.add(v));
    return [...out];
}

// The reference's BW school holidays for the years looked at: the kiosk's test gives it the same dates.
function schoolHolidayLines(fromYear, toYear) {
    const sh = new OpeningHours('SH', nominatim).getOpenIntervals(new Date(fromYear, 7, 1), new Date(toYear, 7, 1));
    return sh.map(([from, to, , comment]) => `school-holiday\t${isoDay(from)}\t${isoDay(addDays(to, -1))}\t${comment}`);
}

function generateVectors(file) {
    const lines = [`# opening_hours ${version} (npm), TZ=UTC, country de, state Baden-Württemberg; written by generate.js`];
    lines.push(...schoolHolidayLines(2025, 2028));
    let accepted = 0, refused = 0;
    for (const value of values()) {
        let hours;
        try {
            hours = new OpeningHours(value, nominatim);
        } catch (e) {
            lines.push(`refused\t${value}`);
            ++refused;
            continue;
        }
        lines.push(`value\t${value}`);
        ++accepted;
        for (const start of fortnights) {
            const first = dayStart(start);
            const intervals = hours.getOpenIntervals(first, addDays(first, 14)).map(([a, b, u]) => [a, b, u]);
            lines.push(...dayLines(intervals, first, 14));
        }
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
    console.log(`${file}: ${accepted} values x ${fortnights.length} fortnights, ${refused} refused`);
}

// The reference suite's test cases, recorded instead of run.
function extractSuite(testFile, file) {
    let source = fs.readFileSync(testFile, 'utf8');
    const start = source.indexOf('const sane_value_suffix');
    const end = source.indexOf('process.exit(test.run()');
    const recorded = [];
    const recorder = new Proxy({}, {get: (_, name) => name === 'addTest'
        ? (...args) => recorded.push(args) : () => {}});
    const deBw = {lat: '49.5438327', lon: '9.8155867', address: {country_code: 'de', state: 'Baden-Württemberg'}};
    const prelude = 'const test = __recorder; const nominatim_default = __deBw; const nominatim_by_loc = new Proxy({}, ' +
        '{get: () => ({lat: "0", lon: "0", address: {country_code: "elsewhere"}})}); const EXPECTED_OPEN_END_MESSAGE = "";' +
        'const nominatim_sunrise_below = nominatim_by_loc.no; const nominatim_no_valid_address = nominatim_by_loc.x;' +
        'const timekeeper = {reset() {}, travel() {}, freeze() {}}; const opening_hours = function () {}; const timekeeperTime = new Date(2025, 4, 23);' +
        'function ignored(value, reason) { return [value, reason || "not implemented yet"]; }\n';
    source = prelude + source.slice(start, end);
    const context = vm.createContext({__recorder: recorder, __deBw: deBw, console, Date, Math, JSON});
    vm.runInContext(source, context, {filename: testFile});

    const supported = (value, where) => typeof value === 'string' && !/sunrise|sunset|dawn|dusk|\(/i.test(value) &&
        (where === deBw || !/PH|SH/.test(value));
    const lines = [`# ${recorded.length} addTest calls recorded from opening_hours.js test/test.js${process.env.REF_COMMIT ? " at commit " + process.env.REF_COMMIT : ""}; times are wall-clock, as the suite writes them`];
    lines.push(...schoolHolidayLines(2010, 2030));
    let cases = 0, skipped = 0;
    for (const [name, values, from, to, expected, , , , where, , mode] of recorded) {
        for (const value of typeof values === 'string' ? [values] : values) {
            if (!supported(value, where) || (mode !== undefined && mode !== 0) || typeof where !== 'object') {
                ++skipped;
                continue;
            }
            const parse = (t) => { const [d, hm] = t.split(' '); const [h, m] = hm.split(':').map(Number);
                return new Date(dayStart(d).getTime() + (h * 60 + m) * 60000); };
            const first = parse(from), last = parse(to);
            const firstDay = new Date(first.getFullYear(), first.getMonth(), first.getDate());
            const days = Math.round((last - firstDay) / 86400000) + (last.getHours() || last.getMinutes() ? 1 : 0);
            lines.push(`case\t${name}`, `value\t${value}`, `window\t${from}\t${to}`);
            // Values the reference only reads by correcting them (it warns): the kiosk may refuse them.
            let warned = true;
            try { warned = new OpeningHours(value, where.address ? where : nominatim).getWarnings().filter((w) => !/in the past/.test(w)).length > 0; } catch (e) {}
            if (warned) lines.push('warned');
            lines.push(...dayLines(expected.map(([a, b, u]) => [parse(a), parse(b), !!u]), firstDay, days));
            ++cases;
        }
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
    console.log(`${file}: ${cases} cases with supported features, ${skipped} skipped`);
}

generateVectors(path.join(__dirname, 'vectors.txt'));
if (process.argv[2]) extractSuite(process.argv[2], path.join(__dirname, 'suite.txt'));
