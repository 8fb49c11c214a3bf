// The report's only stylesheet, inlined and pinned by hash in the CSP. System fonts only:
// the file must never fetch anything.
export const CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0b5cad;
--exfil:#b42318;--prevented:#b54708;--staged:#a15c07;--benign:#027a48;--inconclusive:#475467;
--execution:#6941c6;--collection:#0e7090;--staging:#c4320a;--exfiltration:#b42318;--blocked:#027a48;--context:#667085}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}
h1{font-size:26px;margin:0 0 12px}h2{font-size:20px;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:24px 0 8px}
a{color:var(--accent)}
code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow:auto;white-space:pre-wrap;word-break:break-word}
.verdict{border-left:6px solid var(--inconclusive);background:var(--panel);padding:12px 16px;border-radius:6px;font-size:16px}
.verdict strong{font-size:18px}
.v-EXFILTRATED{border-color:var(--exfil)}.v-ATTEMPTED_PREVENTED{border-color:var(--prevented)}
.v-STAGED_NO_TRANSFER{border-color:var(--staged)}.v-BENIGN{border-color:var(--benign)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;background:var(--inconclusive)}
.badge.v-EXFILTRATED{background:var(--exfil)}.badge.v-ATTEMPTED_PREVENTED{background:var(--prevented)}
.badge.v-STAGED_NO_TRANSFER{background:var(--staged)}.badge.v-BENIGN{background:var(--benign)}
.s-execution{color:var(--execution)}.s-collection{color:var(--collection)}.s-staging{color:var(--staging)}
.s-exfiltration{color:var(--exfiltration)}.s-blocked{color:var(--blocked)}.s-context{color:var(--context)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--panel);font-weight:600;white-space:nowrap}
td.long{overflow-wrap:anywhere;min-width:14em}
td.ts{white-space:nowrap}
.tscroll{overflow-x:auto;margin:8px 0}.tscroll>table{margin:0}
details.kql>summary{cursor:pointer;color:var(--muted);margin:4px 0}
table.eh-sortable th{cursor:pointer;user-select:none}
table.eh-sortable th[aria-sort=ascending]::after{content:" \\25B2"}
table.eh-sortable th[aria-sort=descending]::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.more,.muted{color:var(--muted)}
.tools{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:6px 0}
.tools input[type=search]{padding:4px 8px;border:1px solid var(--line);border-radius:4px;min-width:240px}
.tools button{padding:3px 10px;border:1px solid var(--line);border-radius:4px;background:var(--panel);cursor:pointer}
.tools label{white-space:nowrap}
dl.scope{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.scope dt{font-weight:600}dl.scope dd{margin:0}
.eh-chart{position:relative;border:1px solid var(--line);border-radius:6px;background:#fff;overflow:hidden}
.eh-chart svg{display:block;width:100%;height:auto;cursor:grab}
.eh-chart .lane-label{font-size:11px;fill:var(--muted)}
.eh-chart .axis{font-size:10px;fill:var(--muted)}
.eh-chart .grid{stroke:#eaecf0}
.eh-chart circle{stroke:#fff;stroke-width:1}
.eh-chart circle:hover,.eh-chart circle:focus{stroke:#000;stroke-width:2;outline:none}
.eh-tip{position:absolute;pointer-events:none;background:#1b1f24;color:#fff;padding:6px 8px;border-radius:4px;font-size:12px;max-width:420px;word-break:break-word;display:none;z-index:2}
.eh-tip b{display:block}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:12px;margin:6px 0}
.legend span::before{content:"\\25CF ";font-size:14px}
ul.eh-tree,ul.eh-tree ul{list-style:none;margin:0;padding-left:22px;border-left:1px dashed var(--line)}
ul.eh-tree{padding-left:4px;border:0}
ul.eh-tree li{margin:4px 0}
ul.eh-tree summary{cursor:pointer}
ul.eh-tree .proc{font-weight:600}
ul.eh-tree .cmd{display:block;margin:2px 0 0 16px;color:#344054;white-space:pre-wrap;word-break:break-all}
.figure-page main{padding:12px;max-width:none}
figure{margin:0}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{
 body{font-size:11px}main{max-width:none;padding:0}
 .tools,.no-print{display:none!important}
 a{color:inherit;text-decoration:none}
 h2{break-after:avoid}tr,pre,.verdict,.eh-chart{break-inside:avoid}
 thead{display:table-header-group}
 tr.eh-hidden{display:table-row!important}
 .eh-chart svg{cursor:default}
 .tscroll{overflow:visible}td.ts{white-space:normal}
 details>summary{list-style:none}
}
tr.eh-hidden{display:none}
`;
