// Numbers, DOM building (text only, never HTML from data) and CSV export.
import {locale} from './i18n.js';

export function amount(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(locale(), {maximumFractionDigits: 0}).format(Number(value));
}

export function count(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale()).format(Number(value));
}

/** A fraction (0.953) as a percentage ("95.3 %"); null as a dash. */
export function percent(value, digits = 1) {
  if (value === null || value === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(locale(), {style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits})
    .format(Number(value));
}

export function days(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale(), {maximumFractionDigits: 1}).format(Number(value));
}

export function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString(locale(), {dateStyle: 'medium', timeStyle: 'short'});
}

/**
 * Creates an element; attributes are set as attributes or properties, children are nodes or strings (which
 * become text nodes): data never passes through innerHTML.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

/**
 * Fills a table from columns [{key, label, format(row) -> text, csv(row) -> raw value, className}] and rows.
 * The table keeps what it shows for the CSV export (raw numbers, not formatted ones).
 */
export function fillTable(table, columns, rows, {onRowClick, emptyText, footer} = {}) {
  clear(table);
  const head = el('thead', {}, el('tr', {}, columns.map(c => el('th', {scope: 'col', class: c.className}, c.label))));
  const body = el('tbody');
  rows.forEach((row, index) => {
    const tr = el('tr', {dataset: {index: String(index)}});
    columns.forEach(c => tr.appendChild(cell(c, row)));
    if (onRowClick) {
      tr.classList.add('clickable');
      tr.tabIndex = 0;
      tr.addEventListener('click', () => onRowClick(row, index));
      tr.addEventListener('keydown', e => {
        if (e.key === 'Enter') {
          onRowClick(row, index);
        }
      });
    }
    body.appendChild(tr);
  });
  if (!rows.length) {
    body.appendChild(el('tr', {}, el('td', {colspan: String(columns.length), class: 'empty'}, emptyText || '')));
  }
  table.append(head, body);
  if (footer) {
    table.appendChild(el('tfoot', {}, el('tr', {}, columns.map(c => cell(c, footer)))));
  }
  table.csv = () => toCsv([columns.map(c => c.label),
    ...rows.map(r => columns.map(c => (c.csv ? c.csv(r) : valueOf(c, r)))),
    ...(footer ? [columns.map(c => (c.csv ? c.csv(footer) : valueOf(c, footer)))] : [])]);
}

function cell(column, row) {
  const content = column.format ? column.format(row) : valueOf(column, row);
  const td = el('td', {class: column.className});
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content === null || content === undefined ? '' : String(content);
  }
  return td;
}

function valueOf(column, row) {
  return column.key.split('.').reduce((v, k) => (v === null || v === undefined ? v : v[k]), row);
}

/**
 * RFC 4180: every field quoted, quotes doubled, CRLF between records. A text that starts with = + - @ (or a tab or
 * carriage return) gets a leading ', so a spreadsheet shows it instead of running it as a formula (CSV formula
 * injection, OWASP); numbers stay numbers.
 */
export function toCsv(records) {
  return records.map(record => record.map(field => {
    let text = field === null || field === undefined ? '' : String(field);
    if (typeof field === 'string' && /^[=+\-@\t\r]/.test(text)) {
      text = "'" + text;
    }
    return '"' + text.replace(/"/g, '""') + '"';
  }).join(',')).join('\r\n') + '\r\n';
}

/** Saves the text as a UTF-8 file with a byte order mark, so Excel reads Chinese correctly. */
export function download(fileName, csvText) {
  const blob = new Blob(['\uFEFF', csvText], {type: 'text/csv;charset=utf-8'});
  const url = URL.createObjectURL(blob);
  const link = el('a', {href: url, download: fileName});
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
