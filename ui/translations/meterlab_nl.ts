<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="65"/>
        <source>Connect an instrument</source>
        <extracomment>A test finished: (ok, text shown). ok is False for errors and unknown instruments. Discovery finished (the list is filled).</extracomment>
        <translation>Een instrument verbinden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="79"/>
        <source>Search again</source>
        <translation>Opnieuw zoeken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="89"/>
        <source>LAN, raw socket (fast)</source>
        <translation>LAN, raw socket (snel)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="89"/>
        <source>LAN, VXI-11</source>
        <translation>LAN, VXI-11</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="89"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="90"/>
        <source>Examples:</source>
        <translation>Voorbeelden:</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="98"/>
        <source>Built-in (pyvisa-py, @py)</source>
        <translation>Ingebouwd (pyvisa-py, @py)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="100"/>
        <source>System VISA (NI, Keysight, R&amp;S; @ivi)</source>
        <translation>Systeem-VISA (NI, Keysight, R&amp;S; @ivi)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="107"/>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="120"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="125"/>
        <source>Instruments found</source>
        <translation>Gevonden instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="128"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="130"/>
        <source>VISA library</source>
        <translation>VISA-bibliotheek</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="160"/>
        <source>Searching for instruments…</source>
        <translation>Instrumenten zoeken…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="179"/>
        <source>Nothing found. LAN instruments often do not announce themselves: type the address below.</source>
        <translation>Niets gevonden. LAN-instrumenten melden zich vaak niet aan: typ het adres hieronder.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="183"/>
        <source>Pick one, or type an address below. LAN instruments may not be listed.</source>
        <translation>Kies er een, of typ hieronder een adres. LAN-instrumenten staan mogelijk niet in de lijst.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="202"/>
        <source>Asking %1 who it is…</source>
        <translation>%1 vragen wie het is…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="46"/>
        <source>Export session</source>
        <extracomment>(format key, extension) in the order offered; the labels are translated in the dialog.</extracomment>
        <translation>Sessie exporteren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="51"/>
        <source>CSV — one row per reading, for any spreadsheet</source>
        <translation>CSV — één rij per meting, voor elk rekenblad</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="52"/>
        <source>Excel workbook — summary, readings, limits</source>
        <translation>Excel-werkmap — samenvatting, metingen, grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="53"/>
        <source>Parquet — typed columns for data analysis</source>
        <translation>Parquet — getypeerde kolommen voor data-analyse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="54"/>
        <source>JSON — metadata and readings in one document</source>
        <translation>JSON — metadata en metingen in één document</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="55"/>
        <source>PDF report — certificate-style, with signature line</source>
        <translation>PDF-rapport — als certificaat, met handtekeningregel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="63"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/sessions_export.py" line="68"/>
        <source>%n session(s): %1</source>
        <translation>
            <numerusform>%n sessie: %1</numerusform>
            <numerusform>%n sessies: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="73"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="74"/>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="75"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="78"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="110"/>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="111"/>
        <source>%1 files (*%2)</source>
        <translation>%1-bestanden (*%2)</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="55"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="89"/>
        <source>Distribution</source>
        <translation>Verdeling</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="112"/>
        <source>reading</source>
        <translation>meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="148"/>
        <source>mean</source>
        <translation>gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="153"/>
        <source>The limits lie outside this view.</source>
        <translation>De grenzen liggen buiten dit beeld.</translation>
    </message>
</context>
<context>
    <name>InstrumentTable</name>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="64"/>
        <source>Serial</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="66"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="64"/>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="65"/>
        <source>Resource</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="65"/>
        <source>Found</source>
        <translation>Gevonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="112"/>
        <source>in use</source>
        <translation>in gebruik</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="115"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="34"/>
        <source>… identifying</source>
        <translation>… identificeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="35"/>
        <source>✓ answers</source>
        <translation>✓ antwoordt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="36"/>
        <source>● connected</source>
        <translation>● verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="37"/>
        <source>⚠ lost</source>
        <translation>⚠ verloren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="38"/>
        <source>↻ reconnecting…</source>
        <translation>↻ opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="39"/>
        <source>⊘ no answer</source>
        <translation>⊘ geen antwoord</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="40"/>
        <source>○ not asked</source>
        <translation>○ niet gevraagd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="59"/>
        <source>Multimeter</source>
        <extracomment>Text colour per state in the table (Okabe–Ito, dark enough for text on white).</extracomment>
        <translation>Multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="61"/>
        <source>Oscilloscope</source>
        <translation>Oscilloscoop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="62"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="67"/>
        <source>Simulated bench</source>
        <translation>Gesimuleerde werkbank</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="69"/>
        <source>In this program</source>
        <translation>In dit programma</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="71"/>
        <source>Last used</source>
        <translation>Laatst gebruikt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="73"/>
        <source>Added by hand</source>
        <translation>Met de hand toegevoegd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="74"/>
        <source>Found by VISA</source>
        <translation>Gevonden door VISA</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="88"/>
        <source>serial %1</source>
        <translation>serienummer %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="90"/>
        <source>firmware %1</source>
        <translation>firmware %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="93"/>
        <source>%1 — profile: %2 (%3).</source>
        <translation>%1 — profiel: %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="96"/>
        <source>%1 answers, but the instrument profiles could not be read: %2 Fix that file, then test again.</source>
        <translation>%1 antwoordt, maar de instrumentprofielen konden niet gelezen worden: %2 Herstel dat bestand en test opnieuw.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="99"/>
        <source>%1 answers, but no instrument profile describes it, so meterlab cannot drive it yet. Add a profile in %2 (copy a shipped one from a similar model and change [identify].models); the SCPI console works without one.</source>
        <translation>%1 antwoordt, maar geen instrumentprofiel beschrijft het, dus meterlab kan het nog niet aansturen. Voeg een profiel toe in %2 (kopieer een meegeleverd profiel van een gelijkaardig model en pas [identify].models aan); de SCPI-console werkt ook zonder.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="109"/>
        <source>An instrument profile is broken: %1</source>
        <translation>Een instrumentprofiel is stuk: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="113"/>
        <source>Unexpected problem (%1): %2. Try again; if it persists, report it with this message.</source>
        <translation>Onverwacht probleem (%1): %2. Probeer opnieuw; blijft het, meld het dan met dit bericht.</translation>
    </message>
</context>
<context>
    <name>InstrumentsView</name>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="116"/>
        <source>Instruments</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms; 0 = until dismissed) for the banner. The user picked this address for the multimeter view. The user picked this address for the oscilloscope view. A row was added, identified or changed state (the table shows it already). Discovery finished (identification of the rows may still be running).</extracomment>
        <translation>Instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="121"/>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="122"/>
        <source>Type an address, choose the VISA library, test it</source>
        <translation>Typ een adres, kies de VISA-bibliotheek, test het</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="124"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="126"/>
        <source>Search for instruments again and ask each who it is</source>
        <translation>Opnieuw naar instrumenten zoeken en elk vragen wie het is</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="138"/>
        <source>Use as multimeter</source>
        <translation>Gebruiken als multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="140"/>
        <source>Use as oscilloscope</source>
        <translation>Gebruiken als oscilloscoop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="142"/>
        <source>Reconnect</source>
        <translation>Opnieuw verbinden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="143"/>
        <source>Open the connection again and ask *IDN?</source>
        <translation>De verbinding opnieuw openen en *IDN? vragen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="145"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="146"/>
        <source>Send SCPI commands to this instrument</source>
        <translation>SCPI-commando&apos;s naar dit instrument sturen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="148"/>
        <source>Disconnect</source>
        <translation>Verbreken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="150"/>
        <source>Close this view&apos;s connection and console (the meter and scope keep theirs)</source>
        <translation>De verbinding en console van dit beeld sluiten (de meter en de scoop houden de hunne)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="225"/>
        <source>Searching for instruments…</source>
        <translation>Instrumenten zoeken…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="264"/>
        <source>Multimeter: %1</source>
        <translation>Multimeter: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="267"/>
        <source>Oscilloscope: %1</source>
        <translation>Oscilloscoop: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="382"/>
        <source>Serial ports are not asked on their own; press Reconnect to ask *IDN?.</source>
        <translation>Seriële poorten worden niet vanzelf gevraagd; druk op Opnieuw verbinden om *IDN? te vragen.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="393"/>
        <source>Nothing found — use Connect… to type an address.</source>
        <translation>Niets gevonden — gebruik Verbinden… om een adres te typen.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="394"/>
        <source>%1 listed. A LAN instrument that is not listed can be added with Connect…</source>
        <translation>%1 in de lijst. Een LAN-instrument dat er niet in staat, voegt u toe met Verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="440"/>
        <source>%1 is still not answering. Press Reconnect in Instruments to try again.</source>
        <translation>%1 antwoordt nog steeds niet. Druk op Opnieuw verbinden in Instrumenten om het opnieuw te proberen.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="448"/>
        <source>Connected again.</source>
        <translation>Opnieuw verbonden.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="460"/>
        <source>The connection to %1 was lost. Reconnecting…</source>
        <translation>De verbinding met %1 is verloren. Opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="516"/>
        <source>This instrument is not a %1 (its profile says: %2).</source>
        <translation>Dit instrument is geen %1 (zijn profiel zegt: %2).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="524"/>
        <source>Select an instrument to use it, reconnect it or open its SCPI console.</source>
        <translation>Selecteer een instrument om het te gebruiken, opnieuw te verbinden of de SCPI-console te openen.</translation>
    </message>
</context>
<context>
    <name>LabForwarder</name>
    <message numerus="yes">
        <location filename="../../meterlab/gui/lab_forwarder.py" line="77"/>
        <source>%n session(s) forwarded to the lab database.</source>
        <translation>
            <numerusform>%n sessie doorgestuurd naar de labodatabank.</numerusform>
            <numerusform>%n sessies doorgestuurd naar de labodatabank.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="80"/>
        <source>Session %1 was not forwarded: its records do not verify (%2). It stays on this bench.</source>
        <translation>Sessie %1 is niet doorgestuurd: haar records kloppen niet (%2). Ze blijft op deze bank.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="92"/>
        <source>The lab database cannot be reached (%1). Sessions stay on this bench; forwarding will resume.</source>
        <translation>De labodatabank is niet bereikbaar (%1). De sessies blijven op deze bank; het doorsturen wordt hervat.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="96"/>
        <source>Forwarding to the lab database stopped: %1</source>
        <translation>Het doorsturen naar de labodatabank is gestopt: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="124"/>
        <source>Starting the meter…</source>
        <extracomment>The simulated bench once the meter has moved to another instrument. The scope picked in the Instruments view (None: the default one). The session database the plan runner writes and the sessions view reads (None: the store&apos;s default in the user&apos;s data folder).</extracomment>
        <translation>De meter start…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="126"/>
        <location filename="../../meterlab/gui/main_window.py" line="168"/>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="216"/>
        <source>The %1 view could not start: %2</source>
        <translation>Het beeld %1 kon niet starten: %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="360"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="361"/>
        <source>&amp;Export readings…</source>
        <translation>Metingen &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="366"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="371"/>
        <source>&amp;Measure</source>
        <translation>&amp;Meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="372"/>
        <source>&amp;Start / stop</source>
        <translation>&amp;Start / stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="375"/>
        <source>Single &amp;reading</source>
        <translation>&amp;Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="378"/>
        <source>Edit &amp;limit</source>
        <translation>&amp;Grens bewerken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="381"/>
        <source>&amp;Clear readings</source>
        <translation>Metingen &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="387"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="388"/>
        <source>&amp;Pause trend</source>
        <translation>Trend &amp;pauzeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="391"/>
        <source>&amp;Follow newest</source>
        <translation>&amp;Nieuwste volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="396"/>
        <source>&amp;Sound on FAIL</source>
        <translation>&amp;Geluid bij AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="400"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="403"/>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="411"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="412"/>
        <source>&amp;About meterlab</source>
        <translation>&amp;Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="439"/>
        <source>The language changes the next time meterlab starts.</source>
        <translation>De taal verandert wanneer meterlab opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="447"/>
        <source>About meterlab</source>
        <translation>Over meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="448"/>
        <source>meterlab %1 — multimeters and oscilloscopes on the bench, judged against their tolerances.</source>
        <translation>meterlab %1 — multimeters en oscilloscopen op de werkbank, getoetst aan hun toleranties.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="456"/>
        <source>Export readings</source>
        <translation>Metingen exporteren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="457"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="469"/>
        <source>No instrument connected</source>
        <translation>Geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="496"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="496"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
</context>
<context>
    <name>MeterView</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="160"/>
        <location filename="../../meterlab/gui/meter_view.py" line="412"/>
        <source>Start</source>
        <extracomment>25 frames/s: a strip chart reads as moving smoothly, and each frame&apos;s redraw (a few ms of the GUI thread) leaves the event loop room on a busy bench PC. (text, level, timeout_ms) — shown in the window&apos;s non-blocking banner. The source&apos;s description changed (e.g. the meter identified itself). The trend and histogram exist now (see `lazy_plots`). The session database &quot;Log to session&quot; writes (None: the user&apos;s default). `feed`: one the source already streams into (started before this view was built). `lazy_plots`: the trend and histogram come with `build_plots()` (the app calls it once the first reading is on screen); until then they are None.</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="163"/>
        <source>Start or stop reading (F5)</source>
        <translation>Metingen starten of stoppen (F5)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="165"/>
        <source>Single</source>
        <translation>Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="166"/>
        <source>Take one reading (F6)</source>
        <translation>Neem één meting (F6)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="168"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="169"/>
        <source>Forget the readings shown (a session keeps its own)</source>
        <translation>Vergeet de getoonde metingen (een sessie bewaart de hare)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="181"/>
        <source>e.g. 3.3 V ±3 %</source>
        <translation>bv. 3,3 V ±3 %</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="192"/>
        <source>Limit</source>
        <translation>Grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="224"/>
        <source>Loading the plots…</source>
        <translation>De grafieken worden geladen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="310"/>
        <source>No instrument connected</source>
        <translation>Geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="343"/>
        <source>auto range</source>
        <translation>automatisch bereik</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="346"/>
        <source>auto-zero off</source>
        <translation>autozero uit</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="348"/>
        <source>last reading — no new readings</source>
        <translation>laatste meting — geen nieuwe metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="412"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="471"/>
        <source>Accepts %1 … %2</source>
        <translation>Aanvaardt %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="475"/>
        <source>Marginal outside %1 … %2</source>
        <translation>Grensgeval buiten %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="553"/>
        <source>The %1 does not answer. Check the cable and the address; trying again…</source>
        <translation>De %1 antwoordt niet. Controleer de kabel en het adres; opnieuw proberen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="557"/>
        <source>The %1 stopped answering. Readings so far are saved. Reconnecting…</source>
        <translation>De %1 antwoordt niet meer. De metingen tot nu toe zijn bewaard. Opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="560"/>
        <source>The %1 answers again.</source>
        <translation>De %1 antwoordt weer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="595"/>
        <source>synthetic signal</source>
        <translation>synthetisch signaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="597"/>
        <source>simulated multimeter</source>
        <translation>gesimuleerde multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="598"/>
        <source>multimeter</source>
        <translation>multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="605"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="615"/>
        <source>no readings</source>
        <translation>geen metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="617"/>
        <source>invalid limit</source>
        <translation>ongeldige grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="617"/>
        <source>no limit</source>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="620"/>
        <source>waiting</source>
        <translation>wachten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="628"/>
        <source>%1 readings/s</source>
        <translation>%1 metingen/s</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="659"/>
        <source>Exporting %1 readings…</source>
        <translation>%1 metingen exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="663"/>
        <source>Saved the readings to %1</source>
        <translation>Metingen bewaard in %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="671"/>
        <source>Could not write %1: %2. The readings are still here; choose another place.</source>
        <translation>Kon %1 niet schrijven: %2. De metingen zijn er nog; kies een andere plaats.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../meterlab/gui/style.py" line="61"/>
        <source>PASS</source>
        <translation>GOEDGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="62"/>
        <source>MARGINAL</source>
        <translation>GRENSGEVAL</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="63"/>
        <source>FAIL</source>
        <translation>AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="64"/>
        <source>NOT JUDGED</source>
        <translation>NIET BEOORDEELD</translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="75"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="75"/>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="108"/>
        <location filename="../../meterlab/gui/plan_table.py" line="135"/>
        <source>pending</source>
        <extracomment>The result each row shows (None while not measured).</extracomment>
        <translation>wacht</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="140"/>
        <source>▶ measuring…</source>
        <translation>▶ meten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="153"/>
        <source>SKIPPED</source>
        <translation>OVERGESLAGEN</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="154"/>
        <source>skipped by the operator</source>
        <translation>overgeslagen door de operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="158"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="161"/>
        <source>%1 of %2 readings</source>
        <translation>%1 van %2 metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="169"/>
        <source>retried</source>
        <translation>herhaald</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="173"/>
        <source>mean</source>
        <translation>gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="173"/>
        <source>maximum</source>
        <translation>maximum</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="174"/>
        <source>minimum</source>
        <translation>minimum</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="174"/>
        <source>last</source>
        <translation>laatste</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="147"/>
        <source>Open file…</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms) for the window&apos;s banner. True while a run holds the instruments (e.g. to pause a live meter). A session was closed (its full id): the sessions view may refresh. The unit&apos;s outcome on the badge: a preview while retries are possible, then the one stored with the session (decided by meterlab.bench, never here). Failed units seen (the sound is optional, the count is not).</extracomment>
        <translation>Bestand openen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="148"/>
        <source>Run a plan file from another folder</source>
        <translation>Een planbestand uit een andere map uitvoeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="160"/>
        <source>your name</source>
        <translation>uw naam</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="163"/>
        <source>e.g. SN-0042</source>
        <translation>bv. SN-0042</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="167"/>
        <source>Plan default</source>
        <translation>Standaard van het plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="168"/>
        <source>Simple acceptance</source>
        <translation>Eenvoudige aanvaarding</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="169"/>
        <source>Guarded (guard band from the meter&apos;s accuracy)</source>
        <translation>Met schutband (uit de nauwkeurigheid van de meter)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="171"/>
        <source>Wait for me at each check</source>
        <translation>Wacht op mij bij elke controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="173"/>
        <source>With the simulated bench the probes move by themselves; tick this to confirm each check yourself. With real instruments the run always waits.</source>
        <translation>Op de gesimuleerde werkbank verplaatsen de meetpennen zich vanzelf; vink dit aan om elke controle zelf te bevestigen. Met echte instrumenten wacht de run altijd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="176"/>
        <location filename="../../meterlab/gui/plan_view.py" line="715"/>
        <source>▶  Run</source>
        <translation>▶  Starten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="179"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="180"/>
        <source>Stop after the current measurement; the session is kept and marked aborted</source>
        <translation>Stoppen na de huidige meting; de sessie wordt bewaard en als afgebroken gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="183"/>
        <source>Finish</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="184"/>
        <source>Close the session with the results shown</source>
        <translation>De sessie afsluiten met de getoonde resultaten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="192"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="198"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="200"/>
        <source>DUT serial</source>
        <translation>Serienummer DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="202"/>
        <source>Decision rule</source>
        <translation>Beslisregel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="260"/>
        <source>Retry selected check</source>
        <translation>Geselecteerde controle herhalen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="261"/>
        <source>Measure the selected check again; its row shows the new result (the session keeps both)</source>
        <translation>De geselecteerde controle opnieuw meten; de rij toont het nieuwe resultaat (de sessie bewaart beide)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="288"/>
        <source>Simulated bench — the probes move by themselves</source>
        <translation>Gesimuleerde werkbank — de meetpennen bewegen vanzelf</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="292"/>
        <source>Multimeter %1</source>
        <translation>Multimeter %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="294"/>
        <source>Scope %1</source>
        <translation>Scoop %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="295"/>
        <source>No instruments connected</source>
        <translation>Geen instrumenten verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="321"/>
        <source>No plans found in limits/. Open a plan file.</source>
        <translation>Geen plannen gevonden in limits/. Open een planbestand.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="330"/>
        <source>Open a plan</source>
        <translation>Een plan openen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="331"/>
        <source>Plans (*.toml)</source>
        <translation>Plannen (*.toml)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/plan_view.py" line="363"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n controle</numerusform>
            <numerusform>%n controles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="366"/>
        <source>simple</source>
        <translation>eenvoudig</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="366"/>
        <source>guarded</source>
        <translation>met schutband</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="367"/>
        <source>Plan default (%1)</source>
        <translation>Standaard van het plan (%1)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="401"/>
        <source>Choose a plan that loads without problems first.</source>
        <translation>Kies eerst een plan dat zonder problemen laadt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="407"/>
        <source>Enter the DUT serial number: the session must say which unit was measured.</source>
        <translation>Vul het serienummer van de DUT in: de sessie moet zeggen welk toestel gemeten werd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="427"/>
        <source>Connecting to the instruments…</source>
        <translation>Verbinden met de instrumenten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="471"/>
        <source>Stopping after the current measurement…</source>
        <translation>Stoppen na de huidige meting…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="506"/>
        <source>The live views are paused while the plan runs; they go on when the session is closed.</source>
        <translation>De live beelden pauzeren terwijl het plan loopt; ze gaan verder wanneer de sessie gesloten is.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="535"/>
        <source>multimeter</source>
        <translation>multimeter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="535"/>
        <source>oscilloscope</source>
        <translation>oscilloscoop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="536"/>
        <source>Connecting to the %1…</source>
        <translation>Verbinden met de %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="540"/>
        <source>Recording session %1</source>
        <translation>Sessie %1 wordt opgenomen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="548"/>
        <source>Measuring…</source>
        <translation>Meten…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="557"/>
        <source>Check %1 could not be measured: %2</source>
        <translation>Controle %1 kon niet gemeten worden: %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="562"/>
        <source>Retry of %1 skipped; its earlier result stands.</source>
        <translation>Herhaling van %1 overgeslagen; het eerdere resultaat blijft.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="569"/>
        <source>All checks done.</source>
        <translation>Alle controles gedaan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="570"/>
        <source>Retry a row if a probe slipped, then Finish to close the session (Run starts the next unit).</source>
        <translation>Herhaal een rij als een meetpen uitschoot, en kies dan Afronden om de sessie af te sluiten (Starten begint het volgende toestel).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="576"/>
        <source>The run stopped.</source>
        <translation>De run is gestopt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="593"/>
        <source>Saved as session %1</source>
        <translation>Bewaard als sessie %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="595"/>
        <source>Session %1 saved — %2.</source>
        <translation>Sessie %1 bewaard — %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="599"/>
        <source>Session %1 kept, marked %2</source>
        <translation>Sessie %1 bewaard, gemarkeerd als %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="601"/>
        <source>The run was stopped. Session %1 keeps what was measured and is marked %2.</source>
        <translation>De run werd gestopt. Sessie %1 bewaart wat gemeten werd en is gemarkeerd als %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="606"/>
        <source>Ready for the next unit.</source>
        <translation>Klaar voor het volgende toestel.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="607"/>
        <source>Enter its serial number and press Run.</source>
        <translation>Vul het serienummer in en druk op Starten.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="624"/>
        <source>Check %1 of %2 · %3 — %4</source>
        <translation>Controle %1 van %2 · %3 — %4</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="627"/>
        <source>Retry</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="629"/>
        <source>Press Measure (Enter) when the probes are in place, or Skip.</source>
        <translation>Druk op Meten (Enter) wanneer de meetpennen juist staan, of Overslaan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="631"/>
        <source>The simulated probes move there by themselves.</source>
        <translation>De gesimuleerde meetpennen gaan er vanzelf naartoe.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="634"/>
        <source>→ your turn</source>
        <translation>→ uw beurt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="644"/>
        <source>Choose a plan.</source>
        <translation>Kies een plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="647"/>
        <source>Enter the DUT serial number and press Run. The first check will be: %1</source>
        <translation>Vul het serienummer van de DUT in en druk op Starten. De eerste controle wordt: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="649"/>
        <source>Ready.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="653"/>
        <source>not run yet</source>
        <translation>nog niet uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="682"/>
        <source>nothing measured</source>
        <translation>niets gemeten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="692"/>
        <source>⏭ %1 skipped</source>
        <translation>⏭ %1 overgeslagen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="694"/>
        <source>%1 not measured</source>
        <translation>%1 niet gemeten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="715"/>
        <source>▶  Next unit</source>
        <translation>▶  Volgend toestel</translation>
    </message>
</context>
<context>
    <name>PromptPanel</name>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="45"/>
        <source>Measure</source>
        <translation>Meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="47"/>
        <source>The probes are in place: measure (Enter)</source>
        <translation>De meetpennen staan juist: meten (Enter)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="48"/>
        <source>S&amp;kip</source>
        <translation>O&amp;verslaan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="50"/>
        <source>Do not measure this check in this run</source>
        <translation>Deze controle in deze run niet meten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="88"/>
        <source>the supply</source>
        <translation>de voeding</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="89"/>
        <source>Put the meter in series at %1.</source>
        <translation>Zet de meter in serie bij %1.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="91"/>
        <source>Place the probes on %1 and %2.</source>
        <translation>Plaats de meetpennen op %1 en %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="93"/>
        <source>the test point</source>
        <translation>het testpunt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="94"/>
        <source>Connect %1 of the scope to %2.</source>
        <translation>Verbind %1 van de scoop met %2.</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="130"/>
        <source>Time (UTC)</source>
        <extracomment>Points the session plots draw at most (beyond that they show a min/max envelope).</extracomment>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="130"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="131"/>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="131"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="132"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
</context>
<context>
    <name>ScopeControls</name>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="119"/>
        <source>Run</source>
        <extracomment>A `scope_events` command for `ScopeWorker.post` the channel whose settings (and axis, ΔV) are shown changed lines or decoders changed: the logic lanes need new rows a value the user typed could not be read (a sentence for the banner)</extracomment>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="122"/>
        <source>Take frames continuously</source>
        <translation>Doorlopend beelden nemen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="123"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="124"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="213"/>
        <source>Single</source>
        <translation>Eén meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="125"/>
        <source>Wait for one trigger, then stop</source>
        <translation>Op één trigger wachten, dan stoppen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="141"/>
        <source>Channels</source>
        <translation>Kanalen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="164"/>
        <source>Offset, e.g. -1.5 V or 200 mV</source>
        <translation>Offset, bv. -1.5 V of 200 mV</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="174"/>
        <source>Settings of</source>
        <translation>Instellingen van</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="175"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="194"/>
        <source>Scale</source>
        <translation>Schaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="176"/>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="177"/>
        <source>Coupling</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="178"/>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="183"/>
        <source>Timebase</source>
        <translation>Tijdbasis</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="187"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="435"/>
        <source>%1/div</source>
        <translation>%1/div</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="192"/>
        <source>Trigger position from the screen centre, e.g. 10 ms</source>
        <translation>Triggerpositie vanaf het midden van het scherm, bv. 10 ms</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="195"/>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="199"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="207"/>
        <source>Rising ↑</source>
        <translation>Stijgend ↑</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="208"/>
        <source>Falling ↓</source>
        <translation>Dalend ↓</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="209"/>
        <source>Either ↕</source>
        <translation>Beide ↕</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="211"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="212"/>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="216"/>
        <source>Trigger level, e.g. 1.65 V (or drag the T marker)</source>
        <translation>Triggerniveau, bv. 1.65 V (of versleep de T-markering)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="220"/>
        <source>Force trigger</source>
        <translation>Trigger forceren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="222"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="223"/>
        <source>Slope</source>
        <translation>Flank</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="224"/>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="225"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="230"/>
        <source>Logic analyser</source>
        <translation>Logische analysator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="232"/>
        <source>Show lines</source>
        <translation>Lijnen tonen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="248"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="268"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="250"/>
        <source>%1 Bd</source>
        <translation>%1 Bd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="252"/>
        <source>I²C on D1 (SCL) / D2 (SDA)</source>
        <translation>I²C op D1 (SCL) / D2 (SDA)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="255"/>
        <source>UART on D0</source>
        <translation>UART op D0</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="264"/>
        <source>Capture</source>
        <translation>Opname</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="270"/>
        <source>Memory depth</source>
        <translation>Geheugendiepte</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="272"/>
        <source>Deep capture</source>
        <translation>Diepe opname</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="274"/>
        <source>Stop and read the whole acquisition memory of every shown channel</source>
        <translation>Stoppen en het hele acquisitiegeheugen van elk getoond kanaal lezen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="280"/>
        <source>Save capture…</source>
        <translation>Opname bewaren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="282"/>
        <source>Screenshot…</source>
        <translation>Schermafdruk…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="388"/>
        <source>&apos;%1&apos; is not a value in %2: %3</source>
        <translation>&apos;%1&apos; is geen waarde in %2: %3</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="392"/>
        <source>&apos;%1&apos; is not in %2.</source>
        <translation>&apos;%1&apos; zit niet in %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="418"/>
        <source>%1 points</source>
        <translation>%1 punten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="420"/>
        <source>Now: %1 points</source>
        <translation>Nu: %1 punten</translation>
    </message>
</context>
<context>
    <name>ScopeMeasurements</name>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="44"/>
        <source>Peak-to-peak (Vpp)</source>
        <extracomment>The measurements shown, in order: the ones the scope worker reads. Their units and scale come from the vocabulary. Translated labels of the shown measurements (the vocabulary&apos;s words are English).</extracomment>
        <translation>Top-tot-top (Vpp)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="45"/>
        <source>RMS (Vrms)</source>
        <translation>Effectief (Vrms)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="46"/>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="47"/>
        <source>Duty cycle</source>
        <translation>Duty cycle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="48"/>
        <source>Rise time</source>
        <translation>Stijgtijd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="77"/>
        <source>Measurements on</source>
        <extracomment>item → (label, unit shown, factor from the scope&apos;s value to the unit shown) the channel to measure changed (&quot;CH1&quot;…)</extracomment>
        <translation>Metingen op</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Measurement</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Limit</source>
        <translation>Grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="152"/>
        <location filename="../../meterlab/gui/scope_measurements.py" line="229"/>
        <source>no limit</source>
        <extracomment>limit text per (source, item), so each channel keeps its own limits</extracomment>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="157"/>
        <source>e.g. %1</source>
        <translation>bv. %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="226"/>
        <source>invalid limit</source>
        <translation>ongeldige grens</translation>
    </message>
</context>
<context>
    <name>ScopeView</name>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="173"/>
        <source>Connecting…</source>
        <extracomment>The simulated bench&apos;s board at a glance: PWM, UART, 3V3 and VBUS stacked apart, triggered on the UART&apos;s falling start edge so each frame begins with a telemetry line. What of `frame` is still to be plotted: 1 traces (then 2), 2 lanes, 0 nothing.</extracomment>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="175"/>
        <source>No oscilloscope connected</source>
        <translation>Geen oscilloscoop verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="190"/>
        <location filename="../../meterlab/gui/scope_view.py" line="191"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="192"/>
        <source>Last frame — the oscilloscope is not answering</source>
        <translation>Laatste beeld — de oscilloscoop antwoordt niet</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="226"/>
        <source>Decoded UART text from D0 appears here.</source>
        <translation>Gedecodeerde UART-tekst van D0 verschijnt hier.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="337"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="605"/>
        <source>UART on D0</source>
        <translation>UART op D0</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="316"/>
        <source>Single: waiting for a trigger…</source>
        <translation>Enkel: wachten op een trigger…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="337"/>
        <location filename="../../meterlab/gui/scope_view.py" line="450"/>
        <source>Running</source>
        <translation>Loopt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="388"/>
        <source>The oscilloscope stopped answering. The last frame stays on screen. Reconnecting…</source>
        <translation>De oscilloscoop antwoordt niet meer. Het laatste beeld blijft staan. Opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="391"/>
        <source>The oscilloscope at %1 does not answer. Check that it is on, the cable and the address; trying again…</source>
        <translation>De oscilloscoop op %1 antwoordt niet. Controleer of hij aan staat, de kabel en het adres; opnieuw proberen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="396"/>
        <source>Not an oscilloscope — check the address</source>
        <translation>Geen oscilloscoop — controleer het adres</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="400"/>
        <source>The oscilloscope answers again.</source>
        <translation>De oscilloscoop antwoordt weer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="403"/>
        <source>The oscilloscope is not connected; try again once it answers.</source>
        <translation>De oscilloscoop is niet verbonden; probeer opnieuw zodra hij antwoordt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="407"/>
        <source>No channel or logic line is shown, so there is nothing to capture. Switch one on first.</source>
        <translation>Er wordt geen kanaal of logische lijn getoond, dus er valt niets op te nemen. Zet er eerst een aan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="423"/>
        <source>Deep capture: %1 points per channel. Save it with “Save capture…”.</source>
        <translation>Diepe opname: %1 punten per kanaal. Bewaar ze met „Opname bewaren…”.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="438"/>
        <source>Not answering — last frame kept, reconnecting…</source>
        <translation>Antwoordt niet — laatste beeld bewaard, opnieuw verbinden…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="449"/>
        <source>Triggered</source>
        <translation>Getriggerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="449"/>
        <source>Waiting for trigger</source>
        <translation>Wachten op trigger</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="450"/>
        <source>Auto (no trigger)</source>
        <translation>Auto (geen trigger)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="451"/>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="453"/>
        <source>Trigger: %1</source>
        <translation>Trigger: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="496"/>
        <source>UART</source>
        <translation>UART</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="497"/>
        <source>I²C</source>
        <translation>I²C</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="522"/>
        <source>Deep capture shown (scope stopped)</source>
        <translation>Diepe opname getoond (scoop gestopt)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="586"/>
        <source>%1 samples per bit: too few to decode. Choose a shorter s/div, or take a deep capture.</source>
        <translation>%1 samples per bit: te weinig om te decoderen. Kies een kortere s/div, of neem een diepe opname.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="590"/>
        <source>No baud rate found on D0: choose one.</source>
        <translation>Geen baudrate gevonden op D0: kies er een.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="592"/>
        <source>Clock too fast for this timebase: choose a shorter s/div, or take a deep capture.</source>
        <translation>Klok te snel voor deze tijdbasis: kies een kortere s/div, of neem een diepe opname.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="599"/>
        <source>UART on D0 · %1 Bd · %2 bytes</source>
        <translation>UART op D0 · %1 Bd · %2 bytes</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="602"/>
        <source>%1 framing/parity errors</source>
        <translation>%1 framing-/pariteitsfouten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="613"/>
        <source>deep capture</source>
        <translation>diepe opname</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="667"/>
        <source>Save capture</source>
        <translation>Opname bewaren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="668"/>
        <source>CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)</source>
        <translation>CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="686"/>
        <source>There is no capture to save yet.</source>
        <translation>Er is nog geen opname om te bewaren.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="709"/>
        <source>Saving the capture to %1…</source>
        <translation>Opname bewaren in %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="695"/>
        <source>Saved the capture to %1</source>
        <translation>Opname bewaard in %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="703"/>
        <source>Could not save the capture: %1 It is still on screen; choose another place.</source>
        <translation>Kon de opname niet bewaren: %1 Ze staat nog op het scherm; kies een andere plaats.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="715"/>
        <source>Save the scope&apos;s screen</source>
        <translation>Het scherm van de scoop bewaren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="716"/>
        <source>Images (*.png *.bmp)</source>
        <translation>Afbeeldingen (*.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="741"/>
        <source>Could not write %1: %2</source>
        <translation>Kon %1 niet schrijven: %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="745"/>
        <source>Saved the scope&apos;s screen to %1</source>
        <translation>Het scherm van de scoop bewaard in %1</translation>
    </message>
</context>
<context>
    <name>ScpiConsole</name>
    <message>
        <location filename="../../meterlab/gui/console.py" line="179"/>
        <source>SCPI command, e.g. *IDN? or VOLT:RANG 1 — Enter sends, ↑/↓ recall</source>
        <extracomment>(text, level, timeout_ms) for the window&apos;s banner. The connection dropped while the console used it; the message says so in words. A command (or error-queue read) finished; the transcript has its outcome.</extracomment>
        <translation>SCPI-commando, bv. *IDN? of VOLT:RANG 1 — Enter verstuurt, ↑/↓ roept terug</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="181"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="183"/>
        <source>Send the command; a command ending in ? also reads the reply</source>
        <translation>Het commando versturen; een commando dat op ? eindigt, leest ook het antwoord</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="185"/>
        <source>Error queue</source>
        <translation>Foutenwachtrij</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="187"/>
        <source>Read the instrument&apos;s error queue (SYST:ERR?) until it is empty</source>
        <translation>De foutenwachtrij van het instrument lezen (SYST:ERR?) tot ze leeg is</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="189"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="191"/>
        <source>Clear the transcript (the instrument is not touched)</source>
        <translation>Het verslag wissen (het instrument blijft onaangeroerd)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="199"/>
        <source>How long to wait for a reply</source>
        <translation>Hoe lang op een antwoord wachten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="210"/>
        <source>Timeout</source>
        <translation>Time-out</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="269"/>
        <source>SYST:ERR? (until empty)</source>
        <translation>SYST:ERR? (tot leeg)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="270"/>
        <source>Reading the error queue…</source>
        <translation>Foutenwachtrij lezen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="275"/>
        <source>Waiting for the reply to %1 (up to %2 s)…</source>
        <translation>Wachten op het antwoord op %1 (tot %2 s)…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="304"/>
        <source>(empty reply)</source>
        <translation>(leeg antwoord)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="307"/>
        <source>(%1 characters in all)</source>
        <translation>(%1 tekens in totaal)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="311"/>
        <source>&lt;block: %1 bytes&gt;</source>
        <translation>&lt;blok: %1 bytes&gt;</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="319"/>
        <source>This model has no error queue (its profile says so).</source>
        <translation>Dit model heeft geen foutenwachtrij (zijn profiel zegt het).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="321"/>
        <source>Error queue empty: 0,&quot;No error&quot;</source>
        <translation>Foutenwachtrij leeg: 0,&quot;No error&quot;</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="334"/>
        <source>(overload: the input is beyond the range)</source>
        <translation>(overbereik: de ingang valt buiten het bereik)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="344"/>
        <source>No reply within %1 s — the instrument may not know this command; check the error queue.</source>
        <translation>Geen antwoord binnen %1 s — het instrument kent dit commando misschien niet; kijk in de foutenwachtrij.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="350"/>
        <source>If this query answers with binary data, the console reads it as a block only for …DATA? queries, and for READ?/FETCh? after FORMat REAL.</source>
        <translation>Als deze vraag met binaire data antwoordt, leest de console ze alleen als blok bij …DATA?-vragen, en bij READ?/FETCh? na FORMat REAL.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="354"/>
        <source>Unexpected problem while sending %1: %2</source>
        <translation>Onverwacht probleem bij het versturen van %1: %2</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="38"/>
        <source>complete</source>
        <translation>volledig</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="39"/>
        <source>aborted</source>
        <translation>afgebroken</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="40"/>
        <source>incomplete</source>
        <translation>onvolledig</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="41"/>
        <source>running</source>
        <translation>loopt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="48"/>
        <source>simple</source>
        <translation>eenvoudig</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="49"/>
        <source>guarded</source>
        <translation>met schutband</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="186"/>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="186"/>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="210"/>
        <source>Results per check</source>
        <translation>Resultaten per controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="211"/>
        <source>Readings</source>
        <translation>Metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="220"/>
        <source>time since start</source>
        <translation>tijd sinds de start</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="222"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="247"/>
        <source>Plot check</source>
        <translation>Controle plotten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="283"/>
        <source>Select a session above to see its results, readings and plots.</source>
        <translation>Selecteer hierboven een sessie om haar resultaten, metingen en grafieken te zien.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="296"/>
        <source>%1 (%2 readings)</source>
        <translation>%1 (%2 metingen)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="311"/>
        <source>Verified: %1 records intact, final hash %2…</source>
        <translation>Geverifieerd: %1 records intact, laatste hash %2…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="315"/>
        <source>ALTERED after recording: %1</source>
        <translation>GEWIJZIGD na de opname: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="328"/>
        <source>cal. due</source>
        <translation>kal. vervalt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="329"/>
        <source>calibration expired</source>
        <translation>kalibratie verlopen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>station</source>
        <translation>station</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>serial</source>
        <translation>serienummer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="344"/>
        <source>Outcome</source>
        <translation>Eindoordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="345"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="346"/>
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="347"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="348"/>
        <source>DUT</source>
        <translation>DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="349"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="350"/>
        <source>Instruments</source>
        <translation>Instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="365"/>
        <source>not measured</source>
        <translation>niet gemeten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="371"/>
        <location filename="../../meterlab/gui/sessions_detail.py" line="465"/>
        <source>%1 readings</source>
        <translation>%1 metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="467"/>
        <source>%1 outside the limits</source>
        <translation>%1 buiten de grenzen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="469"/>
        <source>%1 overload</source>
        <translation>%1 overbereik</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="35"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="42"/>
        <source>your name</source>
        <translation>uw naam</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="45"/>
        <source>serial number</source>
        <translation>serienummer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="46"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="47"/>
        <source>DUT</source>
        <translation>DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="48"/>
        <location filename="../../meterlab/gui/session_panel.py" line="94"/>
        <source>Log to session</source>
        <translation>Opslaan in sessie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="52"/>
        <source>Record every reading and its verdict in a session (Sessions view)</source>
        <translation>Elke meting met haar oordeel in een sessie bewaren (tabblad Sessies)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="54"/>
        <location filename="../../meterlab/gui/session_panel.py" line="106"/>
        <source>Not logging</source>
        <translation>Niet aan het opslaan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="68"/>
        <source>Connect a multimeter before logging a session.</source>
        <translation>Verbind eerst een multimeter om een sessie op te slaan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="85"/>
        <source>Stop logging</source>
        <translation>Opslaan stoppen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="86"/>
        <source>Logging to session %1</source>
        <translation>Metingen gaan naar sessie %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="103"/>
        <source>Session %1 saved: %2 readings</source>
        <translation>Sessie %1 bewaard: %2 metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="120"/>
        <source>Session %1 · %2 readings</source>
        <translation>Sessie %1 · %2 metingen</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="296"/>
        <source>lab</source>
        <translation>labo</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="304"/>
        <source>This session has reached the lab database (meterlab sync).</source>
        <translation>Deze sessie heeft de labodatabank bereikt (meterlab sync).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="104"/>
        <source>DUT serial</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms) for the window&apos;s banner. The sessions table was (re)filled; the int is the number of rows. A session was opened in the detail panel (its id). An export ended: (path, error text or &quot;&quot;). A verification ended: (session id, ok). A bench&apos;s file (Path) or a lab database&apos;s URL (str): the view browses either.</extracomment>
        <translation>Serienummer DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="106"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="110"/>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="119"/>
        <source>any verdict</source>
        <translation>elk oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="122"/>
        <source>with %1</source>
        <translation>met %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="124"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="125"/>
        <source>Read the database again (also done each time this tab is shown)</source>
        <translation>De databank opnieuw lezen (gebeurt ook telkens dit tabblad getoond wordt)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="128"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="129"/>
        <source>Write the selected session(s) to CSV, XLSX, Parquet, JSON or a PDF report (Ctrl+Shift+E)</source>
        <translation>De geselecteerde sessie(s) naar CSV, XLSX, Parquet, JSON of een PDF-rapport schrijven (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="132"/>
        <source>Verify</source>
        <translation>Verifiëren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="133"/>
        <source>Recompute the session&apos;s hash chain: shows whether any record was altered since</source>
        <translation>De hashketen van de sessie herberekenen: toont of een record sindsdien gewijzigd werd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="136"/>
        <source>Statistics…</source>
        <translation>Statistiek…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="137"/>
        <source>Cp, Cpk and the control chart of a plan&apos;s checks across its sessions (as meterlab spc)</source>
        <translation>Cp, Cpk en de regelkaart van de controles van een plan over zijn sessies (zoals meterlab spc)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="142"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>Start (UTC)</source>
        <translation>Start (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>DUT</source>
        <translation>DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Readings</source>
        <translation>Metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Outcome</source>
        <translation>Eindoordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="314"/>
        <source>No unit outcome: a log of readings without a plan, or a run still going</source>
        <translation>Geen eindoordeel: een log van metingen zonder plan, of een run die nog loopt</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="325"/>
        <source>The unit&apos;s outcome, decided when the session finished and stored with it</source>
        <translation>Het eindoordeel over het toestel, bepaald bij het afsluiten van de sessie en ermee bewaard</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="159"/>
        <source>Readings by verdict</source>
        <translation>Metingen per oordeel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="267"/>
        <location filename="../../meterlab/gui/sessions_view.py" line="273"/>
        <source>No sessions yet.

Runs from the Plan runner and readings you log from the Meter are recorded here, in
%1</source>
        <translation>Nog geen sessies.

Runs uit de Planuitvoering en metingen die u vanuit de Meter logt, worden hier bewaard, in
%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="270"/>
        <source>No session matches these filters.</source>
        <translation>Geen sessie voldoet aan deze filters.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="280"/>
        <source>%1 session(s) in %2</source>
        <translation>%1 sessie(s) in %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="292"/>
        <source>cal. expired</source>
        <translation>kal. verlopen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="368"/>
        <source>Opening session %1…</source>
        <translation>Sessie %1 openen…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="399"/>
        <source>%1 of %2 session(s) were ALTERED after recording: %3. Details under the session.</source>
        <translation>%1 van %2 sessie(s) werden GEWIJZIGD na de opname: %3. Details onder de sessie.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="404"/>
        <source>%1 session(s) verified: every record is as it was written.</source>
        <translation>%1 sessie(s) geverifieerd: elk record is zoals het geschreven werd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="434"/>
        <source>Select one or more sessions to export.</source>
        <translation>Selecteer een of meer sessies om te exporteren.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="470"/>
        <source>Exported %1 session(s) to %2</source>
        <translation>%1 sessie(s) geëxporteerd naar %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="479"/>
        <source>Exporting to %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="490"/>
        <source>Could not read or write a file: %1. Nothing in the database was changed.</source>
        <translation>Kon een bestand niet lezen of schrijven: %1. Er werd niets in de databank veranderd.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="493"/>
        <source>Something went wrong (%1). The database is unchanged.</source>
        <translation>Er ging iets mis (%1). De databank is ongewijzigd.</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="34"/>
        <source>Measurement</source>
        <translation>Meting</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="138"/>
        <source>%1 PLC</source>
        <translation>%1 PLC</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="71"/>
        <source>Immediate</source>
        <translation>Onmiddellijk</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="71"/>
        <source>Bus (Single)</source>
        <translation>Bus (enkel)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="72"/>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="43"/>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="44"/>
        <source>Range</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="45"/>
        <source>Integration</source>
        <translation>Integratie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="46"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="58"/>
        <source>DC voltage</source>
        <translation>Gelijkspanning</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="59"/>
        <source>AC voltage</source>
        <translation>Wisselspanning</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="60"/>
        <source>DC current</source>
        <translation>Gelijkstroom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="61"/>
        <source>AC current</source>
        <translation>Wisselstroom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="62"/>
        <source>Resistance (2-wire)</source>
        <translation>Weerstand (2-draads)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="63"/>
        <source>Resistance (4-wire)</source>
        <translation>Weerstand (4-draads)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="64"/>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="65"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="66"/>
        <source>Capacitance</source>
        <translation>Capaciteit</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="67"/>
        <source>Temperature</source>
        <translation>Temperatuur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="124"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="684"/>
        <source>Synthetic signal — no instrument connected</source>
        <extracomment>Sentences the Qt-free sources say (descriptions, fixed notices), marked here so lupdate extracts them; messages with details (from drivers) stay as they are.</extracomment>
        <translation>Synthetisch signaal — geen instrument verbonden</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="685"/>
        <source>Simulated bench — connect a real instrument from Instruments</source>
        <translation>Gesimuleerde werkbank — verbind een echt instrument via Instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="686"/>
        <source>Bus and external triggers are not supported yet: the multimeter keeps measuring on its own (immediate trigger).</source>
        <translation>Bus- en externe triggers worden nog niet ondersteund: de multimeter blijft zelf meten (onmiddellijke trigger).</translation>
    </message>
</context>
<context>
    <name>SpcPanel</name>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="81"/>
        <source>Statistics (SPC)</source>
        <translation>Statistiek (SPC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="96"/>
        <source>all checks</source>
        <translation>alle controles</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="98"/>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="104"/>
        <source>By station</source>
        <translation>Per station</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="105"/>
        <source>One row and one chart per check and station</source>
        <translation>Eén rij en één kaart per controle en station</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="106"/>
        <source>Compute</source>
        <translation>Berekenen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="112"/>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="114"/>
        <source>Check:</source>
        <translation>Controle:</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Mean</source>
        <translation>Gemiddelde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="125"/>
        <source>Out of tol.</source>
        <translation>Buiten tol.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="125"/>
        <source>Overloads</source>
        <translation>Overbelastingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="126"/>
        <source>Out of control (rule: points)</source>
        <translation>Buiten controle (regel: punten)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="135"/>
        <source>Pick a plan and press Compute.</source>
        <translation>Kies een plan en druk op Berekenen.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="147"/>
        <source>reading, oldest session first</source>
        <translation>meting, oudste sessie eerst</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="169"/>
        <source>Pick a plan first.</source>
        <translation>Kies eerst een plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="200"/>
        <source>Computing the statistics of %1…</source>
        <translation>De statistiek van %1 wordt berekend…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="220"/>
        <source>Plan %1 in %2. σ: sample standard deviation; Cp/Cpk against each check&apos;s limits; control limits from the mean moving range / 1.128. Out-of-control points (Western Electric rules 1–4) are ringed in red.</source>
        <translation>Plan %1 in %2. σ: standaardafwijking van de steekproef; Cp/Cpk ten opzichte van de grenzen van elke controle; regelgrenzen uit het gemiddelde bewegende bereik / 1,128. Punten buiten controle (Western Electric-regels 1–4) zijn rood omcirkeld.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="227"/>
        <source>No readings of plan %1 in %2.</source>
        <translation>Geen metingen van plan %1 in %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="269"/>
        <source>%1: individuals, centre %2, UCL %3, LCL %4</source>
        <translation>%1: individuele waarden, centrum %2, UCL %3, LCL %4</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="278"/>
        <source>moving range, MR̄ %1, UCL %2</source>
        <translation>bewegend bereik, MR̄ %1, UCL %2</translation>
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
    <name>TrainingView</name>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="43"/>
        <source>Red lead</source>
        <translation>Rood meetsnoer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="44"/>
        <source>Black lead</source>
        <translation>Zwart meetsnoer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="45"/>
        <source>Scope probe CH%1</source>
        <translation>Scope-tastkop CH%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="46"/>
        <source>Logic clip D%1</source>
        <translation>Logische klem D%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="168"/>
        <source>Training runs on the simulated bench (start meterlab with --demo) or on a real board with the instruments connected in the Instruments tab; or use `meterlab exercise run` in a terminal.</source>
        <translation>Oefenen gebeurt op de gesimuleerde meetopstelling (start meterlab met --demo) of op een echt bord met de instrumenten verbonden in het tabblad Instrumenten; of gebruik `meterlab exercise run` in een terminal.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="173"/>
        <source>Trainee</source>
        <translation>Cursist</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="174"/>
        <source>Exercise language</source>
        <translation>Taal van de oefening</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="175"/>
        <source>your name</source>
        <translation>je naam</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="176"/>
        <source>Start exercise</source>
        <translation>Oefening starten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="177"/>
        <source>Check</source>
        <translation>Controleer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="178"/>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="179"/>
        <source>Teacher…</source>
        <translation>Leraar…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="182"/>
        <source>Scope probe</source>
        <translation>Scope-tastkop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="182"/>
        <source>Logic clip</source>
        <translation>Logische klem</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="185"/>
        <source>Choose an exercise and press Start.</source>
        <translation>Kies een oefening en druk op Start.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="199"/>
        <source>Switch fault on</source>
        <translation>Fout inschakelen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="201"/>
        <source>Trainees&apos; records</source>
        <translation>Resultaten van de cursisten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="203"/>
        <source>Fault</source>
        <translation>Fout</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="210"/>
        <source>&lt;b&gt;Teacher&lt;/b&gt; — solutions, fault switches, records</source>
        <translation>&lt;b&gt;Leraar&lt;/b&gt; — oplossingen, foutschakelaars, resultaten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="217"/>
        <source>Teacher mode</source>
        <translation>Leraarsmodus</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="217"/>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="220"/>
        <source>That is not the teacher passphrase (or the station file has none: `meterlab exercise passphrase` prints the line to add).</source>
        <translation>Dat is niet de wachtzin van de leraar (of het stationsbestand heeft er geen: `meterlab exercise passphrase` toont de regel om toe te voegen).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="239"/>
        <source>No exercise running.</source>
        <translation>Geen oefening bezig.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="266"/>
        <source>A real board&apos;s faults are switched by hand, not from here.</source>
        <translation>De fouten van een echt bord schakel je met de hand, niet van hieruit.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="272"/>
        <source>The fault could not be switched: %1</source>
        <translation>De fout kon niet geschakeld worden: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="288"/>
        <source>The records could not be read: %1</source>
        <translation>De resultaten konden niet gelezen worden: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="294"/>
        <source>No attempts yet.</source>
        <translation>Nog geen pogingen.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="305"/>
        <source>%1 — level %2, parts %3</source>
        <translation>%1 — niveau %2, delen %3</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="360"/>
        <source>The exercise could not start: %1</source>
        <translation>De oefening kon niet starten: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="378"/>
        <source>step %1/%2 (%3 points)</source>
        <translation>stap %1/%2 (%3 punten)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="424"/>
        <source>The %1 could not be moved: %2</source>
        <translation>Niet verplaatst: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="459"/>
        <source>Click on the board where this is: %1</source>
        <translation>Klik op het bord waar dit zit: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="467"/>
        <source>The instruments could not be read: %1</source>
        <translation>De instrumenten konden niet gelezen worden: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="475"/>
        <source>tries left: %1</source>
        <translation>pogingen over: %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="497"/>
        <source>Done: score %1/%2. Choose the next exercise.</source>
        <translation>Klaar: score %1/%2. Kies de volgende oefening.</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="129"/>
        <source>first failure</source>
        <extracomment>Visible time spans offered while following the newest data (seconds; 0 = all). While following, the chart moves in steps of this many pixels.</extracomment>
        <translation>eerste afkeuring</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="140"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="142"/>
        <source>Freeze the chart; readings are still recorded</source>
        <translation>Grafiek bevriezen; metingen worden verder opgenomen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="144"/>
        <source>Follow newest</source>
        <translation>Nieuwste volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="145"/>
        <source>Scroll with the newest readings again</source>
        <translation>Weer meeschuiven met de nieuwste metingen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="150"/>
        <source>all</source>
        <translation>alles</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="152"/>
        <source>Time span shown while following</source>
        <translation>Getoonde tijdspanne tijdens het volgen</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="159"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="164"/>
        <source>Span</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="202"/>
        <source>⏸ paused</source>
        <translation>⏸ gepauzeerd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="204"/>
        <source>● live</source>
        <translation>● live</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="206"/>
        <source>◌ browsing</source>
        <translation>◌ bladeren</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="319"/>
        <source>reading</source>
        <translation>meting</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../meterlab/gui/style.py" line="48"/>
        <source>PASS</source>
        <extracomment>Text colour on each badge background, picked for contrast (not for looks).</extracomment>
        <translation>GOED</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="49"/>
        <source>MARGINAL</source>
        <translation>GRENSGEVAL</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="50"/>
        <source>INDETERMINATE</source>
        <translation>ONBESLIST</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="51"/>
        <source>FAIL</source>
        <translation>AFGEKEURD</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="52"/>
        <source>OVERLOAD</source>
        <translation>OVERBEREIK</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="53"/>
        <source>ERROR</source>
        <translation>FOUT</translation>
    </message>
</context>
<context>
    <name>VerdictBadge</name>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="53"/>
        <source>no limit</source>
        <extracomment>The unit&apos;s outcome when the badge shows one (the plan view), else None.</extracomment>
        <translation>geen grens</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="58"/>
        <source>No verdict</source>
        <translation>Geen oordeel</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../meterlab/gui/views.py" line="111"/>
        <location filename="../../meterlab/gui/window_instruments.py" line="90"/>
        <source>Scope</source>
        <extracomment>F5/F6 drive this view while it is the current tab; otherwise they drive the meter. True while F5 would stop rather than start (an attribute or a property). The view&apos;s `runningChanged(bool)` means &quot;I hold the instruments&quot;: the live meter lets go meanwhile (one client per instrument) and resumes afterwards.
----------
The meter source&apos;s description on the window&apos;s own bench (translated in context &quot;Source&quot;).</extracomment>
        <translation>Scoop</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="112"/>
        <source>Plan runner</source>
        <translation>Planuitvoering</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="113"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="114"/>
        <source>Instruments</source>
        <translation>Instrumenten</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="115"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../meterlab/gui/plan_screenshots.py" line="57"/>
        <source>Plan runner</source>
        <translation>Planuitvoering</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_screenshots.py" line="58"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
</context>
</TS>
