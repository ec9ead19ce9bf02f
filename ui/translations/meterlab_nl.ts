<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name></name>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="714"/>
        <source>Put the meter in series at %1.</source>
        <translation>Zet de meter in serie bij %1.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="715"/>
        <source>the supply</source>
        <translation>de voeding</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="716"/>
        <source>Place the probes on %1 and %2.</source>
        <translation>Plaats de meetpennen op %1 en %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="718"/>
        <source>Connect %1 of the scope to %2.</source>
        <translation>Verbind %1 van de scoop met %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="719"/>
        <source>the test point</source>
        <translation>het testpunt</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="64"/>
        <source>Connect an instrument</source>
        <extracomment>A test finished: (ok, text shown). ok is False for errors and unknown instruments. Discovery finished (the list is filled).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="78"/>
        <source>Search again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="87"/>
        <source>Examples: %1 (LAN, raw socket) · %2 (LAN, VXI-11) · %3 (USB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="96"/>
        <source>Built-in (pyvisa-py, @py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="98"/>
        <source>System VISA (NI, Keysight, R&amp;S; @ivi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="105"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="118"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="123"/>
        <source>Instruments found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="126"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="128"/>
        <source>VISA library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="158"/>
        <source>Searching for instruments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="175"/>
        <source>Nothing found. LAN instruments often do not announce themselves: type the address below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="179"/>
        <source>Pick one, or type an address below. LAN instruments may not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="198"/>
        <source>Asking %1 who it is…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="46"/>
        <source>Export session</source>
        <extracomment>(format key, extension) in the order offered; the labels are translated in the dialog.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="51"/>
        <source>CSV — one row per reading, for any spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="52"/>
        <source>Excel workbook — summary, readings, limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="53"/>
        <source>Parquet — typed columns for data analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="54"/>
        <source>JSON — metadata and readings in one document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="55"/>
        <source>PDF report — certificate-style, with signature line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="63"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/sessions_export.py" line="68"/>
        <source>%n session(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="73"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="74"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="75"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="78"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="110"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="111"/>
        <source>%1 files (*%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>InstrumentTable</name>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="61"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="61"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="61"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="61"/>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="62"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="62"/>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="62"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="62"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="104"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="34"/>
        <source>… asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="35"/>
        <source>✓ answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="36"/>
        <source>● connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="37"/>
        <source>⚠ lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="38"/>
        <source>↻ reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="39"/>
        <source>⊘ no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="40"/>
        <source>○ not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="59"/>
        <source>Multimeter</source>
        <extracomment>Text colour per state in the table (Okabe–Ito, dark enough for text on white).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="61"/>
        <source>Oscilloscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="62"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="67"/>
        <source>Simulated bench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="69"/>
        <source>In this program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="71"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="73"/>
        <source>Added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="74"/>
        <source>Found by VISA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="88"/>
        <source>serial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="90"/>
        <source>firmware %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="93"/>
        <source>%1 — profile: %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="96"/>
        <source>%1 answers, but the instrument profiles could not be read: %2 Fix that file, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="99"/>
        <source>%1 answers, but no instrument profile describes it, so meterlab cannot drive it yet. Add a profile in %2 (copy a shipped one from a similar model and change [identify].models); the SCPI console works without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="109"/>
        <source>An instrument profile is broken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="113"/>
        <source>Unexpected problem (%1): %2. Try again; if it persists, report it with this message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="107"/>
        <source>Starting the meter…</source>
        <extracomment>QSettings keys other views share (the plan runner, the instruments view).</extracomment>
        <translation>De meter start…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="109"/>
        <location filename="../../meterlab/gui/main_window.py" line="135"/>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="162"/>
        <source>The %1 view could not start: %2</source>
        <translation>Het beeld %1 kon niet starten: %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="215"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="216"/>
        <source>&amp;Export readings…</source>
        <translation>Metingen &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="221"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="226"/>
        <source>&amp;Measure</source>
        <translation>&amp;Meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="227"/>
        <source>&amp;Start / stop</source>
        <translation>&amp;Start / stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="230"/>
        <source>Single &amp;reading</source>
        <translation>&amp;Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="233"/>
        <source>Edit &amp;limit</source>
        <translation>&amp;Grens bewerken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="236"/>
        <source>&amp;Clear readings</source>
        <translation>Metingen &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="242"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="243"/>
        <source>&amp;Pause trend</source>
        <translation>Trend &amp;pauzeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="246"/>
        <source>&amp;Follow newest</source>
        <translation>&amp;Nieuwste volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="251"/>
        <source>&amp;Sound on FAIL</source>
        <translation>&amp;Geluid bij AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="255"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="258"/>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="266"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="267"/>
        <source>&amp;About meterlab</source>
        <translation>&amp;Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="294"/>
        <source>The language changes the next time meterlab starts.</source>
        <translation>De taal verandert wanneer meterlab opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="302"/>
        <source>About meterlab</source>
        <translation>Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="303"/>
        <source>meterlab %1 — multimeters and oscilloscopes on the bench, judged against their tolerances.</source>
        <translation>meterlab %1 — multimeters en oscilloscopen op de werkbank, getoetst aan hun toleranties.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="312"/>
        <source>Export readings</source>
        <translation>Metingen exporteren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="313"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="325"/>
        <source>No instrument connected</source>
        <translation>Geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="349"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="349"/>
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
    <name>PlanTable</name>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="34"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="34"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="34"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="34"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="35"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="35"/>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="67"/>
        <location filename="../../meterlab/gui/plan_table.py" line="94"/>
        <source>pending</source>
        <extracomment>The result each row shows (None while not measured).</extracomment>
        <translation>wacht</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="99"/>
        <source>▶ measuring…</source>
        <translation>▶ meten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="112"/>
        <source>SKIPPED</source>
        <translation>OVERGESLAGEN</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="113"/>
        <source>skipped by the operator</source>
        <translation>overgeslagen door de operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="117"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="120"/>
        <source>%1 of %2 readings</source>
        <translation>%1 van %2 metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="128"/>
        <source>retried</source>
        <translation>herhaald</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="132"/>
        <source>mean</source>
        <translation>gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="132"/>
        <source>maximum</source>
        <translation>maximum</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="133"/>
        <source>minimum</source>
        <translation>minimum</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="133"/>
        <source>last</source>
        <translation>laatste</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="139"/>
        <source>Open file…</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms) for the window&apos;s banner. True while a run holds the instruments (e.g. to pause a live meter). A session was closed (its full id): the sessions view may refresh.</extracomment>
        <translation>Bestand openen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="140"/>
        <source>Run a plan file from another folder</source>
        <translation>Een planbestand uit een andere map uitvoeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="152"/>
        <source>your name</source>
        <translation>uw naam</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="155"/>
        <source>e.g. SN-0042</source>
        <translation>bv. SN-0042</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="159"/>
        <source>Plan default</source>
        <translation>Standaard van het plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="160"/>
        <source>Simple acceptance</source>
        <translation>Eenvoudige aanvaarding</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="161"/>
        <source>Guarded (guard band from the meter&apos;s accuracy)</source>
        <translation>Met schutband (uit de nauwkeurigheid van de meter)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="163"/>
        <source>Wait for me at each check</source>
        <translation>Wacht op mij bij elke controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="165"/>
        <source>With the simulated bench the probes move by themselves; tick this to confirm each check yourself. With real instruments the run always waits.</source>
        <translation>Op de gesimuleerde werkbank verplaatsen de meetpennen zich vanzelf; vink dit aan om elke controle zelf te bevestigen. Met echte instrumenten wacht de run altijd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="168"/>
        <location filename="../../meterlab/gui/plan_view.py" line="681"/>
        <source>▶  Run</source>
        <translation>▶  Starten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="171"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="172"/>
        <source>Stop after the current measurement; the session is kept and marked aborted</source>
        <translation>Stoppen na de huidige meting; de sessie wordt bewaard en als afgebroken gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="175"/>
        <source>Finish</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="176"/>
        <source>Close the session with the results shown</source>
        <translation>De sessie afsluiten met de getoonde resultaten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="184"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="190"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="192"/>
        <source>DUT serial</source>
        <translation>Serienummer DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="194"/>
        <source>Decision rule</source>
        <translation>Beslisregel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="226"/>
        <source>&amp;Measure</source>
        <translation>&amp;Meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="228"/>
        <source>The probes are in place: measure (Enter)</source>
        <translation>De meetpennen staan juist: meten (Enter)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="230"/>
        <source>S&amp;kip</source>
        <translation>O&amp;verslaan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="232"/>
        <source>Do not measure this check in this run</source>
        <translation>Deze controle in deze run niet meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="276"/>
        <source>Retry selected check</source>
        <translation>Geselecteerde controle herhalen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="277"/>
        <source>Measure the selected check again; its row shows the new result (the session keeps both)</source>
        <translation>De geselecteerde controle opnieuw meten; de rij toont het nieuwe resultaat (de sessie bewaart beide)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="304"/>
        <source>Simulated bench — the probes move by themselves</source>
        <translation>Gesimuleerde werkbank — de meetpennen bewegen vanzelf</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="308"/>
        <source>Multimeter %1</source>
        <translation>Multimeter %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="310"/>
        <source>Scope %1</source>
        <translation>Scoop %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="311"/>
        <source>No instruments connected</source>
        <translation>Geen instrumenten verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="337"/>
        <source>No plans found in limits/. Open a plan file.</source>
        <translation>Geen plannen gevonden in limits/. Open een planbestand.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="346"/>
        <source>Open a plan</source>
        <translation>Een plan openen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="347"/>
        <source>Plans (*.toml)</source>
        <translation>Plannen (*.toml)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/plan_view.py" line="379"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n controle</numerusform>
            <numerusform>%n controles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="382"/>
        <source>simple</source>
        <translation>eenvoudig</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="382"/>
        <source>guarded</source>
        <translation>met schutband</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="383"/>
        <source>Plan default (%1)</source>
        <translation>Standaard van het plan (%1)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="417"/>
        <source>Choose a plan that loads without problems first.</source>
        <translation>Kies eerst een plan dat zonder problemen laadt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="423"/>
        <source>Enter the DUT serial number: the session must say which unit was measured.</source>
        <translation>Vul het serienummer van de DUT in: de sessie moet zeggen welk toestel gemeten werd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="443"/>
        <source>Connecting to the instruments…</source>
        <translation>Verbinden met de instrumenten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="484"/>
        <source>Stopping after the current measurement…</source>
        <translation>Stoppen na de huidige meting…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="516"/>
        <source>multimeter</source>
        <translation>multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="516"/>
        <source>oscilloscope</source>
        <translation>oscilloscoop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="517"/>
        <source>Connecting to the %1…</source>
        <translation>Verbinden met de %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="521"/>
        <source>Recording session %1</source>
        <translation>Sessie %1 wordt opgenomen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="529"/>
        <source>Measuring…</source>
        <translation>Meten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="538"/>
        <source>Check %1 could not be measured: %2</source>
        <translation>Controle %1 kon niet gemeten worden: %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="543"/>
        <source>Retry of %1 skipped; its earlier result stands.</source>
        <translation>Herhaling van %1 overgeslagen; het eerdere resultaat blijft.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="548"/>
        <source>All checks done.</source>
        <translation>Alle controles gedaan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="549"/>
        <source>Retry a row if a probe slipped, then Finish to close the session (Run starts the next unit).</source>
        <translation>Herhaal een rij als een meetpen uitschoot, en kies dan Afronden om de sessie af te sluiten (Starten begint het volgende toestel).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="555"/>
        <source>The run stopped.</source>
        <translation>De run is gestopt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="572"/>
        <source>Saved as session %1</source>
        <translation>Bewaard als sessie %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="574"/>
        <source>Session %1 saved — %2.</source>
        <translation>Sessie %1 bewaard — %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="577"/>
        <source>Session %1 kept, marked %2</source>
        <translation>Sessie %1 bewaard, gemarkeerd als %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="579"/>
        <source>The run was stopped. Session %1 keeps what was measured and is marked %2.</source>
        <translation>De run werd gestopt. Sessie %1 bewaart wat gemeten werd en is gemarkeerd als %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="584"/>
        <source>Ready for the next unit.</source>
        <translation>Klaar voor het volgende toestel.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="585"/>
        <source>Enter its serial number and press Run.</source>
        <translation>Vul het serienummer in en druk op Starten.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="597"/>
        <source>Check %1 of %2 · %3 — %4</source>
        <translation>Controle %1 van %2 · %3 — %4</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="600"/>
        <source>Retry</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="602"/>
        <source>Press Measure (Enter) when the probes are in place, or Skip.</source>
        <translation>Druk op Meten (Enter) wanneer de meetpennen juist staan, of Overslaan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="604"/>
        <source>The simulated probes move there by themselves.</source>
        <translation>De gesimuleerde meetpennen gaan er vanzelf naartoe.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="607"/>
        <source>⌛ your turn</source>
        <translation>⌛ uw beurt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="626"/>
        <source>Choose a plan.</source>
        <translation>Kies een plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="629"/>
        <source>Enter the DUT serial number and press Run. The first check will be: %1</source>
        <translation>Vul het serienummer van de DUT in en druk op Starten. De eerste controle wordt: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="631"/>
        <source>Ready.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="635"/>
        <source>not run yet</source>
        <translation>nog niet uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="646"/>
        <source>nothing measured</source>
        <translation>niets gemeten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="649"/>
        <source>INCOMPLETE</source>
        <translation>ONVOLLEDIG</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="658"/>
        <source>⏭ %1 skipped</source>
        <translation>⏭ %1 overgeslagen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="660"/>
        <source>%1 not measured</source>
        <translation>%1 niet gemeten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="681"/>
        <source>▶  Next unit</source>
        <translation>▶  Volgend toestel</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="99"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="99"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="100"/>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="100"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="101"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
</context>
<context>
    <name>ScopeMeasurements</name>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="39"/>
        <source>Peak-to-peak (Vpp)</source>
        <extracomment>generic item → (label, unit shown, factor from the scope&apos;s value to the unit shown)</extracomment>
        <translation>Top-tot-top (Vpp)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="40"/>
        <source>RMS (Vrms)</source>
        <translation>Effectief (Vrms)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="41"/>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="42"/>
        <source>Duty cycle</source>
        <translation>Duty cycle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="43"/>
        <source>Rise time</source>
        <translation>Stijgtijd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="63"/>
        <source>Measurements on</source>
        <extracomment>the channel to measure changed (&quot;CH1&quot;…)</extracomment>
        <translation>Metingen op</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="73"/>
        <source>Measurement</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="73"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="73"/>
        <source>Limit</source>
        <translation>Grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="73"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="128"/>
        <location filename="../../meterlab/gui/scope_measurements.py" line="205"/>
        <source>no limit</source>
        <extracomment>limit text per (source, item), so each channel keeps its own limits</extracomment>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="133"/>
        <source>e.g. %1</source>
        <translation>bv. %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="202"/>
        <source>invalid limit</source>
        <translation>ongeldige grens</translation>
    </message>
</context>
<context>
    <name>ScopeView</name>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="189"/>
        <source>Connecting…</source>
        <extracomment>The simulated bench&apos;s board at a glance: PWM, UART, 3V3 and VBUS stacked apart, triggered on the UART&apos;s falling start edge so each frame begins with a telemetry line.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="191"/>
        <source>No oscilloscope connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="206"/>
        <location filename="../../meterlab/gui/scope_view.py" line="207"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="234"/>
        <source>Decoded UART text from D0 appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="288"/>
        <location filename="../../meterlab/gui/scope_view.py" line="513"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="291"/>
        <source>Take frames continuously</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="293"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="295"/>
        <location filename="../../meterlab/gui/scope_view.py" line="384"/>
        <source>Single</source>
        <translation>Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="296"/>
        <source>Wait for one trigger, then stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="313"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="336"/>
        <source>Offset, e.g. -1.5 V or 200 mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="346"/>
        <source>Settings of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="347"/>
        <location filename="../../meterlab/gui/scope_view.py" line="365"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="348"/>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="349"/>
        <source>Coupling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="350"/>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="355"/>
        <source>Timebase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="359"/>
        <location filename="../../meterlab/gui/scope_view.py" line="755"/>
        <source>%1/div</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="363"/>
        <source>Trigger position from the screen centre, e.g. 10 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="366"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="370"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="378"/>
        <source>Rising ↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="379"/>
        <source>Falling ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="380"/>
        <source>Either ↕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="382"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="383"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="387"/>
        <source>Trigger level, e.g. 1.65 V (or drag the T marker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="391"/>
        <source>Force trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="393"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="394"/>
        <source>Slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="395"/>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="396"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="401"/>
        <source>Logic analyser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="403"/>
        <source>Show lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="419"/>
        <location filename="../../meterlab/gui/scope_view.py" line="439"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="421"/>
        <source>%1 Bd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="423"/>
        <source>I²C on D1 (SCL) / D2 (SDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="426"/>
        <location filename="../../meterlab/gui/scope_view.py" line="853"/>
        <source>UART on D0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="435"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="441"/>
        <source>Memory depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="443"/>
        <source>Deep capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="445"/>
        <source>Stop and read the whole acquisition memory of every shown channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="452"/>
        <source>Save capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="455"/>
        <source>Screenshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="493"/>
        <source>Single: waiting for a trigger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="513"/>
        <location filename="../../meterlab/gui/scope_view.py" line="707"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="616"/>
        <source>&apos;%1&apos; is not a value in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="620"/>
        <source>&apos;%1&apos; is not in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="655"/>
        <source>The oscilloscope stopped answering. The last frame stays on screen. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="658"/>
        <source>The oscilloscope at %1 does not answer. Check that it is on, the cable and the address; trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="664"/>
        <source>The oscilloscope answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="667"/>
        <source>The oscilloscope is not connected; try again once it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="671"/>
        <source>No channel or logic line is shown, so there is nothing to capture. Switch one on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="684"/>
        <source>Deep capture: %1 points per channel. Save it with “Save capture…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="697"/>
        <source>Not answering — last frame kept, reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="706"/>
        <source>Triggered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="706"/>
        <source>Waiting for trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="707"/>
        <source>Auto (no trigger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="708"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="710"/>
        <source>Trigger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="736"/>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="738"/>
        <source>Now: %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="784"/>
        <source>UART</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="785"/>
        <source>I²C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="817"/>
        <source>Deep capture shown (scope stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="834"/>
        <source>%1 samples per bit: too few to decode. Choose a shorter s/div, or take a deep capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="838"/>
        <source>No baud rate found on D0: choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="840"/>
        <source>Clock too fast for this timebase: choose a shorter s/div, or take a deep capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="847"/>
        <source>UART on D0 · %1 Bd · %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="850"/>
        <source>%1 framing/parity errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="915"/>
        <source>Save capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="916"/>
        <source>CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="927"/>
        <source>There is no capture to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="943"/>
        <source>Saving the capture to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="950"/>
        <source>Saved the capture to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="953"/>
        <source>Could not save the capture: %1 It is still on screen; choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="965"/>
        <source>Save the scope&apos;s screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="966"/>
        <source>Images (*.png *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="991"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="995"/>
        <source>Saved the scope&apos;s screen to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScpiConsole</name>
    <message>
        <location filename="../../meterlab/gui/console.py" line="178"/>
        <source>SCPI command, e.g. *IDN? or VOLT:RANG 1 — Enter sends, ↑/↓ recall</source>
        <extracomment>(text, level, timeout_ms) for the window&apos;s banner. The connection dropped while the console used it; the message says so in words. A command (or error-queue read) finished; the transcript has its outcome.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="180"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="182"/>
        <source>Send the command; a command ending in ? also reads the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="184"/>
        <source>Error queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="186"/>
        <source>Read the instrument&apos;s error queue (SYST:ERR?) until it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="188"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="190"/>
        <source>Clear the transcript (the instrument is not touched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="198"/>
        <source>How long to wait for a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="209"/>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="247"/>
        <source>SYST:ERR? (until empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="269"/>
        <source>Reading the error queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="273"/>
        <source>Waiting for the reply to %1 (up to %2 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="302"/>
        <source>(empty reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="305"/>
        <source>(%1 characters in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="309"/>
        <source>&lt;block: %1 bytes&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="317"/>
        <source>This model has no error queue (its profile says so).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="319"/>
        <source>Error queue empty: 0,&quot;No error&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="332"/>
        <source>No reply within %1 s — the instrument may not know this command; check the error queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="338"/>
        <source>If this query answers with binary data, the console reads it as a block only for …DATA? queries, and for READ?/FETCh? after FORMat REAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="342"/>
        <source>Unexpected problem while sending %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="154"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="154"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="154"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="154"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="155"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="155"/>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="177"/>
        <source>Results per check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="178"/>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="187"/>
        <source>time since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="189"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="214"/>
        <source>Plot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="249"/>
        <source>Select a session above to see its results, readings and plots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="260"/>
        <source>%1 (%2 readings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="276"/>
        <source>Verified: %1 records intact, final hash %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="280"/>
        <source>ALTERED after recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="301"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="302"/>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="303"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="304"/>
        <source>DUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="305"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="306"/>
        <source>Instruments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="321"/>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="327"/>
        <location filename="../../meterlab/gui/sessions_detail.py" line="407"/>
        <source>%1 readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="409"/>
        <source>%1 outside the limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="411"/>
        <source>%1 overload</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../meterlab/gui/meter_view.py" line="545"/>
        <source>Synthetic signal — no instrument connected</source>
        <extracomment>Sentences the Qt-free sources say (descriptions, fixed notices), marked here so lupdate extracts them; messages with details (from drivers) stay as they are.</extracomment>
        <translation>Synthetisch signaal — geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="546"/>
        <source>Simulated bench — connect a real instrument from Instruments</source>
        <translation>Gesimuleerde werkbank — verbind een echt instrument via Instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="547"/>
        <source>Bus and external triggers are not supported yet: the multimeter keeps measuring on its own (immediate trigger).</source>
        <translation>Bus- en externe triggers worden nog niet ondersteund: de multimeter blijft zelf meten (onmiddellijke trigger).</translation>
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
<context>
    <name>Views</name>
    <message>
        <location filename="../../meterlab/gui/views.py" line="42"/>
        <source>Plan runner</source>
        <translation>Planuitvoering</translation>
    </message>
</context>
</TS>
