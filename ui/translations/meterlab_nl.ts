<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="39"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="65"/>
        <source>Distribution</source>
        <translation>Verdeling</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="88"/>
        <source>reading</source>
        <translation>meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="118"/>
        <source>mean</source>
        <translation>gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="123"/>
        <source>The limits lie outside this view.</source>
        <translation>De grenzen liggen buiten dit beeld.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="92"/>
        <source>Starting the meter…</source>
        <extracomment>QSettings keys other views share (the plan runner, the instruments view).</extracomment>
        <translation>De meter start…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="94"/>
        <location filename="../../meterlab/gui/main_window.py" line="120"/>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="166"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="167"/>
        <source>&amp;Export readings…</source>
        <translation>Metingen &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="172"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="177"/>
        <source>&amp;Measure</source>
        <translation>&amp;Meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="178"/>
        <source>&amp;Start / stop</source>
        <translation>&amp;Start / stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="181"/>
        <source>Single &amp;reading</source>
        <translation>&amp;Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="184"/>
        <source>Edit &amp;limit</source>
        <translation>&amp;Grens bewerken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="187"/>
        <source>&amp;Clear readings</source>
        <translation>Metingen &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="193"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="194"/>
        <source>&amp;Pause trend</source>
        <translation>Trend &amp;pauzeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="197"/>
        <source>&amp;Follow newest</source>
        <translation>&amp;Nieuwste volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="202"/>
        <source>&amp;Sound on FAIL</source>
        <translation>&amp;Geluid bij AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="206"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="209"/>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="217"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="218"/>
        <source>&amp;About meterlab</source>
        <translation>&amp;Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="245"/>
        <source>The language changes the next time meterlab starts.</source>
        <translation>De taal verandert wanneer meterlab opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="253"/>
        <source>About meterlab</source>
        <translation>Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="254"/>
        <source>meterlab %1 — multimeters and oscilloscopes on the bench, judged against their tolerances.</source>
        <translation>meterlab %1 — multimeters en oscilloscopen op de werkbank, getoetst aan hun toleranties.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="263"/>
        <source>Export readings</source>
        <translation>Metingen exporteren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="264"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="276"/>
        <source>No instrument connected</source>
        <translation>Geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="300"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="300"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
</context>
<context>
    <name>MeterView</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="131"/>
        <location filename="../../meterlab/gui/meter_view.py" line="301"/>
        <source>Start</source>
        <extracomment>(text, level, timeout_ms) — shown in the window&apos;s non-blocking banner. The source&apos;s description changed (e.g. the meter identified itself).</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="134"/>
        <source>Start or stop reading (F5)</source>
        <translation>Metingen starten of stoppen (F5)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="136"/>
        <source>Single</source>
        <translation>Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="137"/>
        <source>Take one reading (F6)</source>
        <translation>Neem één meting (F6)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="139"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="140"/>
        <source>Forget the readings shown (a session keeps its own)</source>
        <translation>Vergeet de getoonde metingen (een sessie bewaart de hare)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="152"/>
        <source>e.g. 3.3 V ±3 %</source>
        <translation>bv. 3,3 V ±3 %</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="163"/>
        <source>Limit</source>
        <translation>Grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="210"/>
        <source>No instrument connected</source>
        <translation>Geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="242"/>
        <source>auto range</source>
        <translation>automatisch bereik</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="245"/>
        <source>last reading — no new readings</source>
        <translation>laatste meting — geen nieuwe metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="301"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="360"/>
        <source>Accepts %1 … %2</source>
        <translation>Aanvaardt %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="364"/>
        <source>Marginal outside %1 … %2</source>
        <translation>Grensgeval buiten %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="402"/>
        <source>The %1 does not answer. Check the cable and the address; trying again…</source>
        <translation>De %1 antwoordt niet. Controleer de kabel en het adres; opnieuw proberen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="406"/>
        <source>The %1 stopped answering. Readings so far are saved. Reconnecting…</source>
        <translation>De %1 antwoordt niet meer. De metingen tot nu toe zijn bewaard. Opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="409"/>
        <source>The %1 answers again.</source>
        <translation>De %1 antwoordt weer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="444"/>
        <source>synthetic signal</source>
        <translation>synthetisch signaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="446"/>
        <source>simulated multimeter</source>
        <translation>gesimuleerde multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="447"/>
        <source>multimeter</source>
        <translation>multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="454"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="464"/>
        <source>no readings</source>
        <translation>geen metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="466"/>
        <source>invalid limit</source>
        <translation>ongeldige grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="466"/>
        <source>no limit</source>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="469"/>
        <source>waiting</source>
        <translation>wachten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="477"/>
        <source>%1 readings/s</source>
        <translation>%1 metingen/s</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="517"/>
        <source>Exporting %1 readings…</source>
        <translation>%1 metingen exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="528"/>
        <source>Saved the readings to %1</source>
        <translation>Metingen bewaard in %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="532"/>
        <source>Could not write %1: %2. The readings are still here; choose another place.</source>
        <translation>Kon %1 niet schrijven: %2. De metingen zijn er nog; kies een andere plaats.</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="24"/>
        <source>Measurement</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="32"/>
        <source>%1 PLC</source>
        <translation>%1 PLC</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="35"/>
        <source>Immediate</source>
        <translation>Onmiddellijk</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="36"/>
        <source>Bus (Single)</source>
        <translation>Bus (enkel)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="37"/>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="40"/>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="41"/>
        <source>Range</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="42"/>
        <source>Integration</source>
        <translation>Integratie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="43"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="54"/>
        <source>DC voltage</source>
        <translation>Gelijkspanning</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="55"/>
        <source>AC voltage</source>
        <translation>Wisselspanning</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="56"/>
        <source>DC current</source>
        <translation>Gelijkstroom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="57"/>
        <source>AC current</source>
        <translation>Wisselstroom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="58"/>
        <source>Resistance (2-wire)</source>
        <translation>Weerstand (2-draads)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="59"/>
        <source>Resistance (4-wire)</source>
        <translation>Weerstand (4-draads)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="60"/>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="61"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="62"/>
        <source>Capacitance</source>
        <translation>Capaciteit</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="63"/>
        <source>Temperature</source>
        <translation>Temperatuur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="93"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="544"/>
        <source>Synthetic signal — no instrument connected</source>
        <extracomment>Descriptions the Qt-free sources give, marked here so lupdate extracts them.</extracomment>
        <translation>Synthetisch signaal — geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="545"/>
        <source>Simulated bench — connect a real instrument from Instruments</source>
        <translation>Gesimuleerde werkbank — verbind een echt instrument via Instrumenten</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="22"/>
        <source>Statistics</source>
        <translation>Statistiek</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="27"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="27"/>
        <source>mean</source>
        <translation>gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="28"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="28"/>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="29"/>
        <source>verdicts</source>
        <translation>oordelen</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../meterlab/gui/banner.py" line="33"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="138"/>
        <source>first failure</source>
        <extracomment>Visible time spans offered while following the newest data (seconds; 0 = all).</extracomment>
        <translation>eerste afkeuring</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="149"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="151"/>
        <source>Freeze the chart; readings are still recorded</source>
        <translation>Grafiek bevriezen; metingen worden verder opgenomen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="153"/>
        <source>Follow newest</source>
        <translation>Nieuwste volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="154"/>
        <source>Scroll with the newest readings again</source>
        <translation>Weer meeschuiven met de nieuwste metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="159"/>
        <source>all</source>
        <translation>alles</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="161"/>
        <source>Time span shown while following</source>
        <translation>Getoonde tijdspanne tijdens het volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="168"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="173"/>
        <source>Span</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="211"/>
        <source>⏸ paused</source>
        <translation>⏸ gepauzeerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="213"/>
        <source>● live</source>
        <translation>● live</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="215"/>
        <source>◌ browsing</source>
        <translation>◌ bladeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="321"/>
        <source>reading</source>
        <translation>meting</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../meterlab/gui/style.py" line="47"/>
        <source>PASS</source>
        <extracomment>Text colour on each badge background, picked for contrast (not for looks).</extracomment>
        <translation>GOED</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="48"/>
        <source>MARGINAL</source>
        <translation>GRENSGEVAL</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="49"/>
        <source>INDETERMINATE</source>
        <translation>ONBESLIST</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="50"/>
        <source>FAIL</source>
        <translation>AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="51"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="52"/>
        <source>ERROR</source>
        <translation>FOUT</translation>
    </message>
</context>
<context>
    <name>VerdictBadge</name>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="31"/>
        <source>no limit</source>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="36"/>
        <source>No verdict</source>
        <translation>Geen oordeel</translation>
    </message>
</context>
</TS>
