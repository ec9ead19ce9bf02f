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
</TS>
