namespace Factdesk.Publishing.Site;

/// <summary>site.css: readable on screen and on paper; the verdict colours come from the active scale.</summary>
internal static class SiteStylesheet
{
    private const string Base = """
        :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1c1c1c;background:#fff}
        body{max-width:52rem;margin:0 auto;padding:0 1rem}
        a{color:#0b4f9c}
        a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
        header,footer{border-color:#c0bfbc;border-style:solid;border-width:0 0 1px;padding:.75rem 0}
        footer{border-width:1px 0 0;margin-top:2rem;font-size:.9rem;color:#3d3d3d}
        blockquote{margin:0 0 1rem;padding:.75rem 1rem;border-left:.3rem solid #5e5c64;background:#f6f5f4;font-size:1.15rem}
        .claim-card{border:1px solid #c0bfbc;border-radius:.4rem;padding:0 1rem 1rem;margin:1rem 0}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dt{font-weight:600}
        dd{margin:0}
        .badge{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:700}
        .meta,.count,.stated,.url,.role{color:#3d3d3d}
        .checks li,.verdicts li{margin:.4rem 0}
        .verdicts{list-style:none;padding:0}
        .summary{font-size:1.1rem;font-weight:600}
        .analysis pre{overflow-x:auto;background:#f6f5f4;padding:.5rem}
        table{border-collapse:collapse}
        th,td{text-align:left;padding:.3rem .75rem;border-bottom:1px solid #c0bfbc}
        @media print{
          nav,.skip{display:none}
          body{max-width:none;color:#000}
          .badge{border:1px solid #000;print-color-adjust:exact;-webkit-print-color-adjust:exact}
          a[rel=external]::after{content:" (" attr(href) ")"}
        }

        """;

    public static string Render(RatingScale scale) => Base + VerdictBadge.Styles(scale);
}
