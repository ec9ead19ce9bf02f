<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="65"/>
        <source>Connect an instrument</source>
        <extracomment>A test finished: (ok, text shown). ok is False for errors and unknown instruments. Discovery finished (the list is filled).</extracomment>
        <translation>Connecter un instrument</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="79"/>
        <source>Search again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="89"/>
        <source>LAN, raw socket (fast)</source>
        <translation>LAN, socket brut (rapide)</translation>
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
        <translation>Exemples :</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="98"/>
        <source>Built-in (pyvisa-py, @py)</source>
        <translation>Intégrée (pyvisa-py, @py)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="100"/>
        <source>System VISA (NI, Keysight, R&amp;S; @ivi)</source>
        <translation>VISA du système (NI, Keysight, R&amp;S ; @ivi)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="107"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="120"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="125"/>
        <source>Instruments found</source>
        <translation>Instruments trouvés</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="128"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="130"/>
        <source>VISA library</source>
        <translation>Bibliothèque VISA</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="160"/>
        <source>Searching for instruments…</source>
        <translation>Recherche des instruments…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="179"/>
        <source>Nothing found. LAN instruments often do not announce themselves: type the address below.</source>
        <translation>Rien trouvé. Les instruments LAN ne s&apos;annoncent souvent pas : tapez l&apos;adresse ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="183"/>
        <source>Pick one, or type an address below. LAN instruments may not be listed.</source>
        <translation>Choisissez-en un, ou tapez une adresse ci-dessous. Les instruments LAN peuvent manquer dans la liste.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/connect_dialog.py" line="202"/>
        <source>Asking %1 who it is…</source>
        <translation>On demande à %1 qui il est…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="46"/>
        <source>Export session</source>
        <extracomment>(format key, extension) in the order offered; the labels are translated in the dialog.</extracomment>
        <translation>Exporter la session</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="51"/>
        <source>CSV — one row per reading, for any spreadsheet</source>
        <translation>CSV — une ligne par mesure, pour tout tableur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="52"/>
        <source>Excel workbook — summary, readings, limits</source>
        <translation>Classeur Excel — résumé, mesures, limites</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="53"/>
        <source>Parquet — typed columns for data analysis</source>
        <translation>Parquet — colonnes typées pour l&apos;analyse de données</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="54"/>
        <source>JSON — metadata and readings in one document</source>
        <translation>JSON — métadonnées et mesures dans un seul document</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="55"/>
        <source>PDF report — certificate-style, with signature line</source>
        <translation>Rapport PDF — style certificat, avec ligne de signature</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="63"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/sessions_export.py" line="68"/>
        <source>%n session(s): %1</source>
        <translation>
            <numerusform>%n session : %1</numerusform>
            <numerusform>%n sessions : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="73"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="74"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="75"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="78"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="110"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_export.py" line="111"/>
        <source>%1 files (*%2)</source>
        <translation>Fichiers %1 (*%2)</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="55"/>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="89"/>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="112"/>
        <source>reading</source>
        <translation>mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="148"/>
        <source>mean</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/histogram.py" line="153"/>
        <source>The limits lie outside this view.</source>
        <translation>Les limites sont hors de cette vue.</translation>
    </message>
</context>
<context>
    <name>InstrumentTable</name>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="64"/>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="66"/>
        <source>Firmware</source>
        <translation>Micrologiciel</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="64"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="65"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="65"/>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="63"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="112"/>
        <source>in use</source>
        <translation>utilisé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_table.py" line="115"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="34"/>
        <source>… identifying</source>
        <translation>… identification</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="35"/>
        <source>✓ answers</source>
        <translation>✓ répond</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="36"/>
        <source>● connected</source>
        <translation>● connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="37"/>
        <source>⚠ lost</source>
        <translation>⚠ perdu</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="38"/>
        <source>↻ reconnecting…</source>
        <translation>↻ reconnexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="39"/>
        <source>⊘ no answer</source>
        <translation>⊘ pas de réponse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="40"/>
        <source>○ not asked</source>
        <translation>○ pas interrogé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="59"/>
        <source>Multimeter</source>
        <extracomment>Text colour per state in the table (Okabe–Ito, dark enough for text on white).</extracomment>
        <translation>Multimètre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="61"/>
        <source>Oscilloscope</source>
        <translation>Oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="62"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="67"/>
        <source>Simulated bench</source>
        <translation>Banc simulé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="69"/>
        <source>In this program</source>
        <translation>Dans ce programme</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="71"/>
        <source>Last used</source>
        <translation>Dernier utilisé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="73"/>
        <source>Added by hand</source>
        <translation>Ajouté à la main</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="74"/>
        <source>Found by VISA</source>
        <translation>Trouvé par VISA</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="88"/>
        <source>serial %1</source>
        <translation>n° de série %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="90"/>
        <source>firmware %1</source>
        <translation>micrologiciel %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="93"/>
        <source>%1 — profile: %2 (%3).</source>
        <translation>%1 — profil : %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="96"/>
        <source>%1 answers, but the instrument profiles could not be read: %2 Fix that file, then test again.</source>
        <translation>%1 répond, mais les profils d&apos;instruments n&apos;ont pas pu être lus : %2 Corrigez ce fichier, puis testez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="99"/>
        <source>%1 answers, but no instrument profile describes it, so meterlab cannot drive it yet. Add a profile in %2 (copy a shipped one from a similar model and change [identify].models); the SCPI console works without one.</source>
        <translation>%1 répond, mais aucun profil d&apos;instrument ne le décrit : meterlab ne peut pas encore le piloter. Ajoutez un profil dans %2 (copiez celui d&apos;un modèle proche et changez [identify].models) ; la console SCPI fonctionne sans profil.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="109"/>
        <source>An instrument profile is broken: %1</source>
        <translation>Un profil d&apos;instrument est défectueux : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_text.py" line="113"/>
        <source>Unexpected problem (%1): %2. Try again; if it persists, report it with this message.</source>
        <translation>Problème inattendu (%1) : %2. Réessayez ; s&apos;il persiste, signalez-le avec ce message.</translation>
    </message>
</context>
<context>
    <name>InstrumentsView</name>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="116"/>
        <source>Instruments</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms; 0 = until dismissed) for the banner. The user picked this address for the multimeter view. The user picked this address for the oscilloscope view. A row was added, identified or changed state (the table shows it already). Discovery finished (identification of the rows may still be running).</extracomment>
        <translation>Instruments</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="121"/>
        <source>Connect…</source>
        <translation>Connecter…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="122"/>
        <source>Type an address, choose the VISA library, test it</source>
        <translation>Taper une adresse, choisir la bibliothèque VISA, tester</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="124"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="126"/>
        <source>Search for instruments again and ask each who it is</source>
        <translation>Chercher à nouveau les instruments et demander à chacun qui il est</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="138"/>
        <source>Use as multimeter</source>
        <translation>Utiliser comme multimètre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="140"/>
        <source>Use as oscilloscope</source>
        <translation>Utiliser comme oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="142"/>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="143"/>
        <source>Open the connection again and ask *IDN?</source>
        <translation>Rouvrir la connexion et demander *IDN?</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="145"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="146"/>
        <source>Send SCPI commands to this instrument</source>
        <translation>Envoyer des commandes SCPI à cet instrument</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="148"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="150"/>
        <source>Close this view&apos;s connection and console (the meter and scope keep theirs)</source>
        <translation>Fermer la connexion et la console de cette vue (le multimètre et l&apos;oscilloscope gardent les leurs)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="225"/>
        <source>Searching for instruments…</source>
        <translation>Recherche des instruments…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="264"/>
        <source>Multimeter: %1</source>
        <translation>Multimètre : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="267"/>
        <source>Oscilloscope: %1</source>
        <translation>Oscilloscope : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="382"/>
        <source>Serial ports are not asked on their own; press Reconnect to ask *IDN?.</source>
        <translation>Les ports série ne sont pas interrogés d’office ; appuyez sur Reconnecter pour demander *IDN?.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="393"/>
        <source>Nothing found — use Connect… to type an address.</source>
        <translation>Rien trouvé — utilisez Connecter… pour taper une adresse.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="394"/>
        <source>%1 listed. A LAN instrument that is not listed can be added with Connect…</source>
        <translation>%1 dans la liste. Un instrument LAN absent de la liste peut être ajouté avec Connecter…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="440"/>
        <source>%1 is still not answering. Press Reconnect in Instruments to try again.</source>
        <translation>%1 ne répond toujours pas. Appuyez sur Reconnecter dans Instruments pour réessayer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="448"/>
        <source>Connected again.</source>
        <translation>De nouveau connecté.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="460"/>
        <source>The connection to %1 was lost. Reconnecting…</source>
        <translation>La connexion à %1 est perdue. Reconnexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="516"/>
        <source>This instrument is not a %1 (its profile says: %2).</source>
        <translation>Cet instrument n&apos;est pas un %1 (son profil dit : %2).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/instruments_view.py" line="524"/>
        <source>Select an instrument to use it, reconnect it or open its SCPI console.</source>
        <translation>Sélectionnez un instrument pour l&apos;utiliser, le reconnecter ou ouvrir sa console SCPI.</translation>
    </message>
</context>
<context>
    <name>LabForwarder</name>
    <message numerus="yes">
        <location filename="../../meterlab/gui/lab_forwarder.py" line="77"/>
        <source>%n session(s) forwarded to the lab database.</source>
        <translation>
            <numerusform>%n session transmise à la base du labo.</numerusform>
            <numerusform>%n sessions transmises à la base du labo.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="80"/>
        <source>Session %1 was not forwarded: its records do not verify (%2). It stays on this bench.</source>
        <translation>La session %1 n&apos;a pas été transmise : ses enregistrements ne se vérifient pas (%2). Elle reste sur ce banc.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="92"/>
        <source>The lab database cannot be reached (%1). Sessions stay on this bench; forwarding will resume.</source>
        <translation>La base du labo est injoignable (%1). Les sessions restent sur ce banc ; la transmission reprendra.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/lab_forwarder.py" line="96"/>
        <source>Forwarding to the lab database stopped: %1</source>
        <translation>La transmission vers la base du labo s&apos;est arrêtée : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="124"/>
        <source>Starting the meter…</source>
        <extracomment>The simulated bench once the meter has moved to another instrument. The scope picked in the Instruments view (None: the default one). The session database the plan runner writes and the sessions view reads (None: the store&apos;s default in the user&apos;s data folder).</extracomment>
        <translation>Démarrage du multimètre…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="126"/>
        <location filename="../../meterlab/gui/main_window.py" line="168"/>
        <source>Meter</source>
        <translation>Multimètre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="216"/>
        <source>The %1 view could not start: %2</source>
        <translation>La vue %1 n&apos;a pas pu démarrer : %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="360"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="361"/>
        <source>&amp;Export readings…</source>
        <translation>&amp;Exporter les mesures…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="366"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="371"/>
        <source>&amp;Measure</source>
        <translation>&amp;Mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="372"/>
        <source>&amp;Start / stop</source>
        <translation>&amp;Démarrer / arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="375"/>
        <source>Single &amp;reading</source>
        <translation>&amp;Une seule mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="378"/>
        <source>Edit &amp;limit</source>
        <translation>Modifier la &amp;limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="381"/>
        <source>&amp;Clear readings</source>
        <translation>&amp;Effacer les mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="387"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="388"/>
        <source>&amp;Pause trend</source>
        <translation>&amp;Pause de la tendance</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="391"/>
        <source>&amp;Follow newest</source>
        <translation>Suivre les &amp;dernières</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="396"/>
        <source>&amp;Sound on FAIL</source>
        <translation>&amp;Son si NON CONFORME</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="400"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="403"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="411"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="412"/>
        <source>&amp;About meterlab</source>
        <translation>À &amp;propos de meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="439"/>
        <source>The language changes the next time meterlab starts.</source>
        <translation>La langue change au prochain démarrage de meterlab.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="447"/>
        <source>About meterlab</source>
        <translation>À propos de meterlab</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="448"/>
        <source>meterlab %1 — multimeters and oscilloscopes on the bench, judged against their tolerances.</source>
        <translation>meterlab %1 — multimètres et oscilloscopes sur le banc, jugés selon leurs tolérances.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="456"/>
        <source>Export readings</source>
        <translation>Exporter les mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="457"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="469"/>
        <source>No instrument connected</source>
        <translation>Aucun instrument connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="496"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/main_window.py" line="496"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
</context>
<context>
    <name>MeterView</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="160"/>
        <location filename="../../meterlab/gui/meter_view.py" line="412"/>
        <source>Start</source>
        <extracomment>25 frames/s: a strip chart reads as moving smoothly, and each frame&apos;s redraw (a few ms of the GUI thread) leaves the event loop room on a busy bench PC. (text, level, timeout_ms) — shown in the window&apos;s non-blocking banner. The source&apos;s description changed (e.g. the meter identified itself). The trend and histogram exist now (see `lazy_plots`). The session database &quot;Log to session&quot; writes (None: the user&apos;s default). `feed`: one the source already streams into (started before this view was built). `lazy_plots`: the trend and histogram come with `build_plots()` (the app calls it once the first reading is on screen); until then they are None.</extracomment>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="163"/>
        <source>Start or stop reading (F5)</source>
        <translation>Démarrer ou arrêter les mesures (F5)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="165"/>
        <source>Single</source>
        <translation>Une mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="166"/>
        <source>Take one reading (F6)</source>
        <translation>Prendre une mesure (F6)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="168"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="169"/>
        <source>Forget the readings shown (a session keeps its own)</source>
        <translation>Oublier les mesures affichées (une session garde les siennes)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="181"/>
        <source>e.g. 3.3 V ±3 %</source>
        <translation>p. ex. 3.3 V ±3 %</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="192"/>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="224"/>
        <source>Loading the plots…</source>
        <translation>Chargement des graphiques…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="310"/>
        <source>No instrument connected</source>
        <translation>Aucun instrument connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="343"/>
        <source>auto range</source>
        <translation>calibre auto</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="346"/>
        <source>auto-zero off</source>
        <translation>auto-zéro désactivé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="348"/>
        <source>last reading — no new readings</source>
        <translation>dernière mesure — pas de nouvelles mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="412"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="471"/>
        <source>Accepts %1 … %2</source>
        <translation>Accepte %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="475"/>
        <source>Marginal outside %1 … %2</source>
        <translation>Marginal hors de %1 … %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="553"/>
        <source>The %1 does not answer. Check the cable and the address; trying again…</source>
        <translation>Le %1 ne répond pas. Vérifiez le câble et l&apos;adresse ; nouvel essai…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="557"/>
        <source>The %1 stopped answering. Readings so far are saved. Reconnecting…</source>
        <translation>Le %1 ne répond plus. Les mesures déjà prises sont enregistrées. Reconnexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="560"/>
        <source>The %1 answers again.</source>
        <translation>Le %1 répond de nouveau.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="595"/>
        <source>synthetic signal</source>
        <translation>signal synthétique</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="597"/>
        <source>simulated multimeter</source>
        <translation>multimètre simulé</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="598"/>
        <source>multimeter</source>
        <translation>multimètre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="605"/>
        <source>OVERLOAD</source>
        <translation>SURCHARGE</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="615"/>
        <source>no readings</source>
        <translation>aucune mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="617"/>
        <source>invalid limit</source>
        <translation>limite invalide</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="617"/>
        <source>no limit</source>
        <translation>pas de limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="620"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="628"/>
        <source>%1 readings/s</source>
        <translation>%1 mesures/s</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="659"/>
        <source>Exporting %1 readings…</source>
        <translation>Export de %1 mesures…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="663"/>
        <source>Saved the readings to %1</source>
        <translation>Mesures enregistrées dans %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="671"/>
        <source>Could not write %1: %2. The readings are still here; choose another place.</source>
        <translation>Impossible d&apos;écrire %1 : %2. Les mesures sont toujours là ; choisissez un autre emplacement.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../meterlab/gui/style.py" line="61"/>
        <source>PASS</source>
        <translation>CONFORME</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="62"/>
        <source>MARGINAL</source>
        <translation>MARGINAL</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="63"/>
        <source>FAIL</source>
        <translation>NON CONFORME</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="64"/>
        <source>NOT JUDGED</source>
        <translation>NON JUGÉ</translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="74"/>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="75"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="75"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="108"/>
        <location filename="../../meterlab/gui/plan_table.py" line="135"/>
        <source>pending</source>
        <extracomment>The result each row shows (None while not measured).</extracomment>
        <translation>à faire</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="140"/>
        <source>▶ measuring…</source>
        <translation>▶ mesure en cours…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="153"/>
        <source>SKIPPED</source>
        <translation>IGNORÉ</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="154"/>
        <source>skipped by the operator</source>
        <translation>ignoré par l&apos;opérateur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="158"/>
        <source>OVERLOAD</source>
        <translation>SURCHARGE</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="161"/>
        <source>%1 of %2 readings</source>
        <translation>%1 mesures sur %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="169"/>
        <source>retried</source>
        <translation>refait</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="173"/>
        <source>mean</source>
        <translation>moyenne</translation>
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
        <translation>dernière</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="147"/>
        <source>Open file…</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms) for the window&apos;s banner. True while a run holds the instruments (e.g. to pause a live meter). A session was closed (its full id): the sessions view may refresh. The unit&apos;s outcome on the badge: a preview while retries are possible, then the one stored with the session (decided by meterlab.bench, never here). Failed units seen (the sound is optional, the count is not).</extracomment>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="148"/>
        <source>Run a plan file from another folder</source>
        <translation>Exécuter un fichier de plan d&apos;un autre dossier</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="160"/>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="163"/>
        <source>e.g. SN-0042</source>
        <translation>p. ex. SN-0042</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="167"/>
        <source>Plan default</source>
        <translation>Par défaut du plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="168"/>
        <source>Simple acceptance</source>
        <translation>Acceptation simple</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="169"/>
        <source>Guarded (guard band from the meter&apos;s accuracy)</source>
        <translation>Avec bande de garde (selon la précision du multimètre)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="171"/>
        <source>Wait for me at each check</source>
        <translation>M&apos;attendre à chaque contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="173"/>
        <source>With the simulated bench the probes move by themselves; tick this to confirm each check yourself. With real instruments the run always waits.</source>
        <translation>Avec le banc simulé, les sondes se déplacent seules ; cochez ceci pour confirmer vous-même chaque contrôle. Avec de vrais instruments, l&apos;exécution attend toujours.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="176"/>
        <location filename="../../meterlab/gui/plan_view.py" line="715"/>
        <source>▶  Run</source>
        <translation>▶  Exécuter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="179"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="180"/>
        <source>Stop after the current measurement; the session is kept and marked aborted</source>
        <translation>Arrêter après la mesure en cours ; la session est gardée et marquée interrompue</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="183"/>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="184"/>
        <source>Close the session with the results shown</source>
        <translation>Clore la session avec les résultats affichés</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="192"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="198"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="200"/>
        <source>DUT serial</source>
        <translation>N° de série du DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="202"/>
        <source>Decision rule</source>
        <translation>Règle de décision</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="260"/>
        <source>Retry selected check</source>
        <translation>Refaire le contrôle sélectionné</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="261"/>
        <source>Measure the selected check again; its row shows the new result (the session keeps both)</source>
        <translation>Mesurer à nouveau le contrôle sélectionné ; sa ligne montre le nouveau résultat (la session garde les deux)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="288"/>
        <source>Simulated bench — the probes move by themselves</source>
        <translation>Banc simulé — les sondes se déplacent seules</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="292"/>
        <source>Multimeter %1</source>
        <translation>Multimètre %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="294"/>
        <source>Scope %1</source>
        <translation>Oscilloscope %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="295"/>
        <source>No instruments connected</source>
        <translation>Aucun instrument connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="321"/>
        <source>No plans found in limits/. Open a plan file.</source>
        <translation>Aucun plan trouvé dans limits/. Ouvrez un fichier de plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="330"/>
        <source>Open a plan</source>
        <translation>Ouvrir un plan</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="331"/>
        <source>Plans (*.toml)</source>
        <translation>Plans (*.toml)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meterlab/gui/plan_view.py" line="363"/>
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n contrôle</numerusform>
            <numerusform>%n contrôles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="366"/>
        <source>simple</source>
        <translation>simple</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="366"/>
        <source>guarded</source>
        <translation>avec bande de garde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="367"/>
        <source>Plan default (%1)</source>
        <translation>Par défaut du plan (%1)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="401"/>
        <source>Choose a plan that loads without problems first.</source>
        <translation>Choisissez d&apos;abord un plan qui se charge sans problème.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="407"/>
        <source>Enter the DUT serial number: the session must say which unit was measured.</source>
        <translation>Saisissez le numéro de série du DUT : la session doit dire quelle unité a été mesurée.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="427"/>
        <source>Connecting to the instruments…</source>
        <translation>Connexion aux instruments…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="471"/>
        <source>Stopping after the current measurement…</source>
        <translation>Arrêt après la mesure en cours…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="506"/>
        <source>The live views are paused while the plan runs; they go on when the session is closed.</source>
        <translation>Les vues en direct sont en pause pendant l&apos;exécution du plan ; elles reprennent à la clôture de la session.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="535"/>
        <source>multimeter</source>
        <translation>multimètre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="535"/>
        <source>oscilloscope</source>
        <translation>oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="536"/>
        <source>Connecting to the %1…</source>
        <translation>Connexion au %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="540"/>
        <source>Recording session %1</source>
        <translation>Enregistrement de la session %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="548"/>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="557"/>
        <source>Check %1 could not be measured: %2</source>
        <translation>Le contrôle %1 n&apos;a pas pu être mesuré : %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="562"/>
        <source>Retry of %1 skipped; its earlier result stands.</source>
        <translation>Nouvel essai de %1 ignoré ; son résultat précédent reste.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="569"/>
        <source>All checks done.</source>
        <translation>Tous les contrôles sont faits.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="570"/>
        <source>Retry a row if a probe slipped, then Finish to close the session (Run starts the next unit).</source>
        <translation>Refaites une ligne si une sonde a glissé, puis Terminer pour clore la session (Exécuter commence l&apos;unité suivante).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="576"/>
        <source>The run stopped.</source>
        <translation>L&apos;exécution s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="593"/>
        <source>Saved as session %1</source>
        <translation>Enregistré comme session %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="595"/>
        <source>Session %1 saved — %2.</source>
        <translation>Session %1 enregistrée — %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="599"/>
        <source>Session %1 kept, marked %2</source>
        <translation>Session %1 gardée, marquée %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="601"/>
        <source>The run was stopped. Session %1 keeps what was measured and is marked %2.</source>
        <translation>L&apos;exécution a été arrêtée. La session %1 garde ce qui a été mesuré et est marquée %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="606"/>
        <source>Ready for the next unit.</source>
        <translation>Prêt pour l&apos;unité suivante.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="607"/>
        <source>Enter its serial number and press Run.</source>
        <translation>Saisissez son numéro de série et appuyez sur Exécuter.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="624"/>
        <source>Check %1 of %2 · %3 — %4</source>
        <translation>Contrôle %1 sur %2 · %3 — %4</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="627"/>
        <source>Retry</source>
        <translation>Refaire</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="629"/>
        <source>Press Measure (Enter) when the probes are in place, or Skip.</source>
        <translation>Appuyez sur Mesurer (Entrée) quand les sondes sont en place, ou sur Ignorer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="631"/>
        <source>The simulated probes move there by themselves.</source>
        <translation>Les sondes simulées s&apos;y placent seules.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="634"/>
        <source>→ your turn</source>
        <translation>→ à vous</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="644"/>
        <source>Choose a plan.</source>
        <translation>Choisissez un plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="647"/>
        <source>Enter the DUT serial number and press Run. The first check will be: %1</source>
        <translation>Saisissez le numéro de série du DUT et appuyez sur Exécuter. Le premier contrôle sera : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="649"/>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="653"/>
        <source>not run yet</source>
        <translation>pas encore exécuté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="682"/>
        <source>nothing measured</source>
        <translation>rien de mesuré</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="692"/>
        <source>⏭ %1 skipped</source>
        <translation>⏭ %1 ignoré(s)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="694"/>
        <source>%1 not measured</source>
        <translation>%1 non mesuré(s)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_view.py" line="715"/>
        <source>▶  Next unit</source>
        <translation>▶  Unité suivante</translation>
    </message>
</context>
<context>
    <name>PromptPanel</name>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="45"/>
        <source>Measure</source>
        <translation>Mesurer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="47"/>
        <source>The probes are in place: measure (Enter)</source>
        <translation>Les sondes sont en place : mesurer (Entrée)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="48"/>
        <source>S&amp;kip</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="50"/>
        <source>Do not measure this check in this run</source>
        <translation>Ne pas mesurer ce contrôle dans cette exécution</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="88"/>
        <source>the supply</source>
        <translation>l&apos;alimentation</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="89"/>
        <source>Put the meter in series at %1.</source>
        <translation>Mettez le multimètre en série sur %1.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="91"/>
        <source>Place the probes on %1 and %2.</source>
        <translation>Placez les pointes de touche sur %1 et %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="93"/>
        <source>the test point</source>
        <translation>le point de test</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_prompt.py" line="94"/>
        <source>Connect %1 of the scope to %2.</source>
        <translation>Connectez %1 de l&apos;oscilloscope à %2.</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="130"/>
        <source>Time (UTC)</source>
        <extracomment>Points the session plots draw at most (beyond that they show a min/max envelope).</extracomment>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="130"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="131"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="131"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="132"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
</context>
<context>
    <name>ScopeControls</name>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="119"/>
        <source>Run</source>
        <extracomment>A `scope_events` command for `ScopeWorker.post` the channel whose settings (and axis, ΔV) are shown changed lines or decoders changed: the logic lanes need new rows a value the user typed could not be read (a sentence for the banner)</extracomment>
        <translation>Marche</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="122"/>
        <source>Take frames continuously</source>
        <translation>Acquérir en continu</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="123"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="124"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="213"/>
        <source>Single</source>
        <translation>Monocoup</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="125"/>
        <source>Wait for one trigger, then stop</source>
        <translation>Attendre un déclenchement, puis s&apos;arrêter</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="141"/>
        <source>Channels</source>
        <translation>Voies</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="164"/>
        <source>Offset, e.g. -1.5 V or 200 mV</source>
        <translation>Décalage, p. ex. -1.5 V ou 200 mV</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="174"/>
        <source>Settings of</source>
        <translation>Réglages de</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="175"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="194"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="176"/>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="177"/>
        <source>Coupling</source>
        <translation>Couplage</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="178"/>
        <source>Probe</source>
        <translation>Sonde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="183"/>
        <source>Timebase</source>
        <translation>Base de temps</translation>
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
        <translation>Position du déclenchement depuis le centre de l&apos;écran, p. ex. 10 ms</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="195"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="199"/>
        <source>Trigger</source>
        <translation>Déclenchement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="207"/>
        <source>Rising ↑</source>
        <translation>Montant ↑</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="208"/>
        <source>Falling ↓</source>
        <translation>Descendant ↓</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="209"/>
        <source>Either ↕</source>
        <translation>Les deux ↕</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="211"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="212"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="216"/>
        <source>Trigger level, e.g. 1.65 V (or drag the T marker)</source>
        <translation>Niveau de déclenchement, p. ex. 1.65 V (ou faites glisser le repère T)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="220"/>
        <source>Force trigger</source>
        <translation>Forcer le déclenchement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="222"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="223"/>
        <source>Slope</source>
        <translation>Front</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="224"/>
        <source>Sweep</source>
        <translation>Balayage</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="225"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="230"/>
        <source>Logic analyser</source>
        <translation>Analyseur logique</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="232"/>
        <source>Show lines</source>
        <translation>Afficher les lignes</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="248"/>
        <location filename="../../meterlab/gui/scope_controls.py" line="268"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="250"/>
        <source>%1 Bd</source>
        <translation>%1 Bd</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="252"/>
        <source>I²C on D1 (SCL) / D2 (SDA)</source>
        <translation>I²C sur D1 (SCL) / D2 (SDA)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="255"/>
        <source>UART on D0</source>
        <translation>UART sur D0</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="264"/>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="270"/>
        <source>Memory depth</source>
        <translation>Profondeur mémoire</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="272"/>
        <source>Deep capture</source>
        <translation>Capture profonde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="274"/>
        <source>Stop and read the whole acquisition memory of every shown channel</source>
        <translation>S&apos;arrêter et lire toute la mémoire d&apos;acquisition de chaque voie affichée</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="280"/>
        <source>Save capture…</source>
        <translation>Enregistrer la capture…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="282"/>
        <source>Screenshot…</source>
        <translation>Capture d&apos;écran…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="388"/>
        <source>&apos;%1&apos; is not a value in %2: %3</source>
        <translation>« %1 » n&apos;est pas une valeur en %2 : %3</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="392"/>
        <source>&apos;%1&apos; is not in %2.</source>
        <translation>« %1 » n&apos;est pas dans %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="418"/>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_controls.py" line="420"/>
        <source>Now: %1 points</source>
        <translation>Actuellement : %1 points</translation>
    </message>
</context>
<context>
    <name>ScopeMeasurements</name>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="44"/>
        <source>Peak-to-peak (Vpp)</source>
        <extracomment>The measurements shown, in order: the ones the scope worker reads. Their units and scale come from the vocabulary. Translated labels of the shown measurements (the vocabulary&apos;s words are English).</extracomment>
        <translation>Crête à crête (Vcc)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="45"/>
        <source>RMS (Vrms)</source>
        <translation>Efficace (Veff)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="46"/>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="47"/>
        <source>Duty cycle</source>
        <translation>Rapport cyclique</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="48"/>
        <source>Rise time</source>
        <translation>Temps de montée</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="77"/>
        <source>Measurements on</source>
        <extracomment>item → (label, unit shown, factor from the scope&apos;s value to the unit shown) the channel to measure changed (&quot;CH1&quot;…)</extracomment>
        <translation>Mesures sur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="87"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="152"/>
        <location filename="../../meterlab/gui/scope_measurements.py" line="229"/>
        <source>no limit</source>
        <extracomment>limit text per (source, item), so each channel keeps its own limits</extracomment>
        <translation>pas de limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="157"/>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_measurements.py" line="226"/>
        <source>invalid limit</source>
        <translation>limite invalide</translation>
    </message>
</context>
<context>
    <name>ScopeView</name>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="173"/>
        <source>Connecting…</source>
        <extracomment>The simulated bench&apos;s board at a glance: PWM, UART, 3V3 and VBUS stacked apart, triggered on the UART&apos;s falling start edge so each frame begins with a telemetry line. What of `frame` is still to be plotted: 1 traces (then 2), 2 lanes, 0 nothing.</extracomment>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="175"/>
        <source>No oscilloscope connected</source>
        <translation>Aucun oscilloscope connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="190"/>
        <location filename="../../meterlab/gui/scope_view.py" line="191"/>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="192"/>
        <source>Last frame — the oscilloscope is not answering</source>
        <translation>Dernière trame — l&apos;oscilloscope ne répond pas</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="226"/>
        <source>Decoded UART text from D0 appears here.</source>
        <translation>Le texte UART décodé de D0 apparaît ici.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="337"/>
        <source>Run</source>
        <translation>Marche</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="605"/>
        <source>UART on D0</source>
        <translation>UART sur D0</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="316"/>
        <source>Single: waiting for a trigger…</source>
        <translation>Monocoup : en attente de déclenchement…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="337"/>
        <location filename="../../meterlab/gui/scope_view.py" line="450"/>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="388"/>
        <source>The oscilloscope stopped answering. The last frame stays on screen. Reconnecting…</source>
        <translation>L&apos;oscilloscope ne répond plus. La dernière trame reste à l&apos;écran. Reconnexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="391"/>
        <source>The oscilloscope at %1 does not answer. Check that it is on, the cable and the address; trying again…</source>
        <translation>L&apos;oscilloscope à %1 ne répond pas. Vérifiez qu&apos;il est allumé, le câble et l&apos;adresse ; nouvel essai…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="396"/>
        <source>Not an oscilloscope — check the address</source>
        <translation>Ce n&apos;est pas un oscilloscope — vérifiez l&apos;adresse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="400"/>
        <source>The oscilloscope answers again.</source>
        <translation>L&apos;oscilloscope répond de nouveau.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="403"/>
        <source>The oscilloscope is not connected; try again once it answers.</source>
        <translation>L&apos;oscilloscope n&apos;est pas connecté ; réessayez quand il répond.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="407"/>
        <source>No channel or logic line is shown, so there is nothing to capture. Switch one on first.</source>
        <translation>Aucune voie ni ligne logique n&apos;est affichée : il n&apos;y a rien à capturer. Activez-en une d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="423"/>
        <source>Deep capture: %1 points per channel. Save it with “Save capture…”.</source>
        <translation>Capture profonde : %1 points par voie. Enregistrez-la avec « Enregistrer la capture… ».</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="438"/>
        <source>Not answering — last frame kept, reconnecting…</source>
        <translation>Pas de réponse — dernière trame gardée, reconnexion…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="449"/>
        <source>Triggered</source>
        <translation>Déclenché</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="449"/>
        <source>Waiting for trigger</source>
        <translation>En attente de déclenchement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="450"/>
        <source>Auto (no trigger)</source>
        <translation>Auto (sans déclenchement)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="451"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="453"/>
        <source>Trigger: %1</source>
        <translation>Déclenchement : %1</translation>
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
        <translation>Capture profonde affichée (oscilloscope arrêté)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="586"/>
        <source>%1 samples per bit: too few to decode. Choose a shorter s/div, or take a deep capture.</source>
        <translation>%1 échantillons par bit : trop peu pour décoder. Choisissez un s/div plus court, ou faites une capture profonde.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="590"/>
        <source>No baud rate found on D0: choose one.</source>
        <translation>Aucun débit trouvé sur D0 : choisissez-en un.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="592"/>
        <source>Clock too fast for this timebase: choose a shorter s/div, or take a deep capture.</source>
        <translation>Horloge trop rapide pour cette base de temps : choisissez un s/div plus court, ou faites une capture profonde.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="599"/>
        <source>UART on D0 · %1 Bd · %2 bytes</source>
        <translation>UART sur D0 · %1 Bd · %2 octets</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="602"/>
        <source>%1 framing/parity errors</source>
        <translation>%1 erreurs de trame/parité</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="613"/>
        <source>deep capture</source>
        <translation>capture profonde</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="667"/>
        <source>Save capture</source>
        <translation>Enregistrer la capture</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="668"/>
        <source>CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)</source>
        <translation>CSV (*.csv);;NumPy (*.npz);;Parquet (*.parquet)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="686"/>
        <source>There is no capture to save yet.</source>
        <translation>Il n&apos;y a pas encore de capture à enregistrer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="709"/>
        <source>Saving the capture to %1…</source>
        <translation>Enregistrement de la capture dans %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="695"/>
        <source>Saved the capture to %1</source>
        <translation>Capture enregistrée dans %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="703"/>
        <source>Could not save the capture: %1 It is still on screen; choose another place.</source>
        <translation>Impossible d&apos;enregistrer la capture : %1 Elle est toujours à l&apos;écran ; choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="715"/>
        <source>Save the scope&apos;s screen</source>
        <translation>Enregistrer l&apos;écran de l&apos;oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="716"/>
        <source>Images (*.png *.bmp)</source>
        <translation>Images (*.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="741"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/scope_view.py" line="745"/>
        <source>Saved the scope&apos;s screen to %1</source>
        <translation>Écran de l&apos;oscilloscope enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>ScpiConsole</name>
    <message>
        <location filename="../../meterlab/gui/console.py" line="179"/>
        <source>SCPI command, e.g. *IDN? or VOLT:RANG 1 — Enter sends, ↑/↓ recall</source>
        <extracomment>(text, level, timeout_ms) for the window&apos;s banner. The connection dropped while the console used it; the message says so in words. A command (or error-queue read) finished; the transcript has its outcome.</extracomment>
        <translation>Commande SCPI, p. ex. *IDN? ou VOLT:RANG 1 — Entrée envoie, ↑/↓ rappellent</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="181"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="183"/>
        <source>Send the command; a command ending in ? also reads the reply</source>
        <translation>Envoyer la commande ; une commande finissant par ? lit aussi la réponse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="185"/>
        <source>Error queue</source>
        <translation>File d&apos;erreurs</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="187"/>
        <source>Read the instrument&apos;s error queue (SYST:ERR?) until it is empty</source>
        <translation>Lire la file d&apos;erreurs de l&apos;instrument (SYST:ERR?) jusqu&apos;à ce qu&apos;elle soit vide</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="189"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="191"/>
        <source>Clear the transcript (the instrument is not touched)</source>
        <translation>Effacer la transcription (l&apos;instrument n&apos;est pas touché)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="199"/>
        <source>How long to wait for a reply</source>
        <translation>Combien de temps attendre une réponse</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="210"/>
        <source>Timeout</source>
        <translation>Délai d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="269"/>
        <source>SYST:ERR? (until empty)</source>
        <translation>SYST:ERR? (jusqu&apos;à vide)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="270"/>
        <source>Reading the error queue…</source>
        <translation>Lecture de la file d&apos;erreurs…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="275"/>
        <source>Waiting for the reply to %1 (up to %2 s)…</source>
        <translation>En attente de la réponse à %1 (jusqu&apos;à %2 s)…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="304"/>
        <source>(empty reply)</source>
        <translation>(réponse vide)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="307"/>
        <source>(%1 characters in all)</source>
        <translation>(%1 caractères au total)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="311"/>
        <source>&lt;block: %1 bytes&gt;</source>
        <translation>&lt;bloc : %1 octets&gt;</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="319"/>
        <source>This model has no error queue (its profile says so).</source>
        <translation>Ce modèle n&apos;a pas de file d&apos;erreurs (son profil le dit).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="321"/>
        <source>Error queue empty: 0,&quot;No error&quot;</source>
        <translation>File d&apos;erreurs vide : 0,&quot;No error&quot;</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="334"/>
        <source>(overload: the input is beyond the range)</source>
        <translation>(surcharge : l&apos;entrée dépasse le calibre)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="344"/>
        <source>No reply within %1 s — the instrument may not know this command; check the error queue.</source>
        <translation>Pas de réponse en %1 s — l&apos;instrument ne connaît peut-être pas cette commande ; consultez la file d&apos;erreurs.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="350"/>
        <source>If this query answers with binary data, the console reads it as a block only for …DATA? queries, and for READ?/FETCh? after FORMat REAL.</source>
        <translation>Si cette requête répond en binaire, la console ne la lit comme un bloc que pour les requêtes …DATA?, et pour READ?/FETCh? après FORMat REAL.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/console.py" line="354"/>
        <source>Unexpected problem while sending %1: %2</source>
        <translation>Problème inattendu à l&apos;envoi de %1 : %2</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="38"/>
        <source>complete</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="39"/>
        <source>aborted</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="40"/>
        <source>incomplete</source>
        <translation>incomplète</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="41"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="48"/>
        <source>simple</source>
        <translation>simple</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_table.py" line="49"/>
        <source>guarded</source>
        <translation>avec bande de garde</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="185"/>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="186"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="186"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="210"/>
        <source>Results per check</source>
        <translation>Résultats par contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="211"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="220"/>
        <source>time since start</source>
        <translation>temps depuis le début</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="222"/>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="247"/>
        <source>Plot check</source>
        <translation>Tracer le contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="283"/>
        <source>Select a session above to see its results, readings and plots.</source>
        <translation>Sélectionnez une session ci-dessus pour voir ses résultats, mesures et courbes.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="296"/>
        <source>%1 (%2 readings)</source>
        <translation>%1 (%2 mesures)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="311"/>
        <source>Verified: %1 records intact, final hash %2…</source>
        <translation>Vérifiée : %1 enregistrements intacts, empreinte finale %2…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="315"/>
        <source>ALTERED after recording: %1</source>
        <translation>MODIFIÉE après l&apos;enregistrement : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="328"/>
        <source>cal. due</source>
        <translation>étal. à faire</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="329"/>
        <source>calibration expired</source>
        <translation>étalonnage expiré</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>station</source>
        <translation>poste</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>serial</source>
        <translation>n° de série</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="330"/>
        <source>rule</source>
        <translation>règle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="344"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="345"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="346"/>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="347"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
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
        <translation>Instruments</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="365"/>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="371"/>
        <location filename="../../meterlab/gui/sessions_detail.py" line="465"/>
        <source>%1 readings</source>
        <translation>%1 mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="467"/>
        <source>%1 outside the limits</source>
        <translation>%1 hors limites</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_detail.py" line="469"/>
        <source>%1 overload</source>
        <translation>%1 en surcharge</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="35"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="42"/>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="45"/>
        <source>serial number</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="46"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
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
        <translation>Enregistrer en session</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="52"/>
        <source>Record every reading and its verdict in a session (Sessions view)</source>
        <translation>Enregistrer chaque mesure et son verdict dans une session (vue Sessions)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="54"/>
        <location filename="../../meterlab/gui/session_panel.py" line="106"/>
        <source>Not logging</source>
        <translation>Pas d&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="68"/>
        <source>Connect a multimeter before logging a session.</source>
        <translation>Connectez un multimètre avant d&apos;enregistrer une session.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="85"/>
        <source>Stop logging</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="86"/>
        <source>Logging to session %1</source>
        <translation>Enregistrement dans la session %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="103"/>
        <source>Session %1 saved: %2 readings</source>
        <translation>Session %1 enregistrée : %2 mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/session_panel.py" line="120"/>
        <source>Session %1 · %2 readings</source>
        <translation>Session %1 · %2 mesures</translation>
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
        <translation>Cette session a atteint la base du labo (meterlab sync).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="104"/>
        <source>DUT serial</source>
        <extracomment>(text, level &quot;info&quot;|&quot;warning&quot;|&quot;error&quot;, timeout_ms) for the window&apos;s banner. The sessions table was (re)filled; the int is the number of rows. A session was opened in the detail panel (its id). An export ended: (path, error text or &quot;&quot;). A verification ended: (session id, ok). A bench&apos;s file (Path) or a lab database&apos;s URL (str): the view browses either.</extracomment>
        <translation>N° de série du DUT</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="106"/>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="110"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="119"/>
        <source>any verdict</source>
        <translation>tout verdict</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="122"/>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="124"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="125"/>
        <source>Read the database again (also done each time this tab is shown)</source>
        <translation>Relire la base de données (fait aussi à chaque affichage de cet onglet)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="128"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="129"/>
        <source>Write the selected session(s) to CSV, XLSX, Parquet, JSON or a PDF report (Ctrl+Shift+E)</source>
        <translation>Écrire la ou les sessions sélectionnées en CSV, XLSX, Parquet, JSON ou rapport PDF (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="132"/>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="133"/>
        <source>Recompute the session&apos;s hash chain: shows whether any record was altered since</source>
        <translation>Recalculer la chaîne d&apos;empreintes de la session : montre si un enregistrement a été modifié depuis</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="136"/>
        <source>Statistics…</source>
        <translation>Statistiques…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="137"/>
        <source>Cp, Cpk and the control chart of a plan&apos;s checks across its sessions (as meterlab spc)</source>
        <translation>Cp, Cpk et la carte de contrôle des contrôles d&apos;un plan sur ses sessions (comme meterlab spc)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="142"/>
        <source>Filter:</source>
        <translation>Filtre :</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>Start (UTC)</source>
        <translation>Début (UTC)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="157"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
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
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="158"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="314"/>
        <source>No unit outcome: a log of readings without a plan, or a run still going</source>
        <translation>Pas de résultat d’unité : un relevé de mesures sans plan, ou un essai encore en cours</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="325"/>
        <source>The unit&apos;s outcome, decided when the session finished and stored with it</source>
        <translation>Le résultat de l’unité, décidé à la fin de la session et enregistré avec elle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="159"/>
        <source>Readings by verdict</source>
        <translation>Mesures par verdict</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="267"/>
        <location filename="../../meterlab/gui/sessions_view.py" line="273"/>
        <source>No sessions yet.

Runs from the Plan runner and readings you log from the Meter are recorded here, in
%1</source>
        <translation>Pas encore de session.

Les exécutions du lanceur de plans et les mesures enregistrées depuis le multimètre sont consignées ici, dans
%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="270"/>
        <source>No session matches these filters.</source>
        <translation>Aucune session ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="280"/>
        <source>%1 session(s) in %2</source>
        <translation>%1 session(s) dans %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="292"/>
        <source>cal. expired</source>
        <translation>étal. expiré</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="368"/>
        <source>Opening session %1…</source>
        <translation>Ouverture de la session %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="399"/>
        <source>%1 of %2 session(s) were ALTERED after recording: %3. Details under the session.</source>
        <translation>%1 session(s) sur %2 ont été MODIFIÉES après l&apos;enregistrement : %3. Détails sous la session.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="404"/>
        <source>%1 session(s) verified: every record is as it was written.</source>
        <translation>%1 session(s) vérifiée(s) : chaque enregistrement est tel qu’il a été écrit.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="434"/>
        <source>Select one or more sessions to export.</source>
        <translation>Sélectionnez une ou plusieurs sessions à exporter.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="470"/>
        <source>Exported %1 session(s) to %2</source>
        <translation>%1 session(s) exportée(s) vers %2</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="479"/>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="490"/>
        <source>Could not read or write a file: %1. Nothing in the database was changed.</source>
        <translation>Impossible de lire ou d&apos;écrire un fichier : %1. Rien n&apos;a été changé dans la base de données.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/sessions_view.py" line="493"/>
        <source>Something went wrong (%1). The database is unchanged.</source>
        <translation>Un problème est survenu (%1). La base de données n&apos;a pas changé.</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="34"/>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="138"/>
        <source>%1 PLC</source>
        <translation>%1 PLC</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="71"/>
        <source>Immediate</source>
        <translation>Immédiat</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="71"/>
        <source>Bus (Single)</source>
        <translation>Bus (Une mesure)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="72"/>
        <source>External</source>
        <translation>Externe</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="43"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="44"/>
        <source>Range</source>
        <translation>Calibre</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="45"/>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="46"/>
        <source>Trigger</source>
        <translation>Déclenchement</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="58"/>
        <source>DC voltage</source>
        <translation>Tension continue</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="59"/>
        <source>AC voltage</source>
        <translation>Tension alternative</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="60"/>
        <source>DC current</source>
        <translation>Courant continu</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="61"/>
        <source>AC current</source>
        <translation>Courant alternatif</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="62"/>
        <source>Resistance (2-wire)</source>
        <translation>Résistance (2 fils)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="63"/>
        <source>Resistance (4-wire)</source>
        <translation>Résistance (4 fils)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="64"/>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="65"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="66"/>
        <source>Capacitance</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="67"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/setup_panel.py" line="124"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="684"/>
        <source>Synthetic signal — no instrument connected</source>
        <extracomment>Sentences the Qt-free sources say (descriptions, fixed notices), marked here so lupdate extracts them; messages with details (from drivers) stay as they are.</extracomment>
        <translation>Signal synthétique — aucun instrument connecté</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="685"/>
        <source>Simulated bench — connect a real instrument from Instruments</source>
        <translation>Banc simulé — connectez un vrai instrument depuis Instruments</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/meter_view.py" line="686"/>
        <source>Bus and external triggers are not supported yet: the multimeter keeps measuring on its own (immediate trigger).</source>
        <translation>Les déclenchements bus et externe ne sont pas encore pris en charge : le multimètre continue de mesurer seul (déclenchement immédiat).</translation>
    </message>
</context>
<context>
    <name>SpcPanel</name>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="81"/>
        <source>Statistics (SPC)</source>
        <translation>Statistiques (MSP)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="96"/>
        <source>all checks</source>
        <translation>tous les contrôles</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="98"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="104"/>
        <source>By station</source>
        <translation>Par poste</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="105"/>
        <source>One row and one chart per check and station</source>
        <translation>Une ligne et une carte par contrôle et par poste</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="106"/>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="112"/>
        <source>Plan:</source>
        <translation>Plan :</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="114"/>
        <source>Check:</source>
        <translation>Contrôle :</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="124"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="125"/>
        <source>Out of tol.</source>
        <translation>Hors tol.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="125"/>
        <source>Overloads</source>
        <translation>Surcharges</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="126"/>
        <source>Out of control (rule: points)</source>
        <translation>Hors contrôle (règle : points)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="135"/>
        <source>Pick a plan and press Compute.</source>
        <translation>Choisissez un plan et appuyez sur Calculer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="147"/>
        <source>reading, oldest session first</source>
        <translation>mesure, session la plus ancienne d&apos;abord</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="169"/>
        <source>Pick a plan first.</source>
        <translation>Choisissez d&apos;abord un plan.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="200"/>
        <source>Computing the statistics of %1…</source>
        <translation>Calcul des statistiques de %1…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="220"/>
        <source>Plan %1 in %2. σ: sample standard deviation; Cp/Cpk against each check&apos;s limits; control limits from the mean moving range / 1.128. Out-of-control points (Western Electric rules 1–4) are ringed in red.</source>
        <translation>Plan %1 dans %2. σ : écart type de l&apos;échantillon ; Cp/Cpk par rapport aux limites de chaque contrôle ; limites de contrôle à partir de l&apos;étendue mobile moyenne / 1,128. Les points hors contrôle (règles Western Electric 1–4) sont entourés de rouge.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="227"/>
        <source>No readings of plan %1 in %2.</source>
        <translation>Aucune mesure du plan %1 dans %2.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="269"/>
        <source>%1: individuals, centre %2, UCL %3, LCL %4</source>
        <translation>%1 : valeurs individuelles, centre %2, LSC %3, LIC %4</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/spc_panel.py" line="278"/>
        <source>moving range, MR̄ %1, UCL %2</source>
        <translation>étendue mobile, MR̄ %1, LSC %2</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="22"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="27"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/stats_panel.py" line="27"/>
        <source>mean</source>
        <translation>moyenne</translation>
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
        <translation>verdicts</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../meterlab/gui/banner.py" line="33"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="43"/>
        <source>Red lead</source>
        <translation>Cordon rouge</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="44"/>
        <source>Black lead</source>
        <translation>Cordon noir</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="45"/>
        <source>Scope probe CH%1</source>
        <translation>Sonde d&apos;oscilloscope CH%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="46"/>
        <source>Logic clip D%1</source>
        <translation>Pince logique D%1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="168"/>
        <source>Training runs on the simulated bench (start meterlab with --demo) or on a real board with the instruments connected in the Instruments tab; or use `meterlab exercise run` in a terminal.</source>
        <translation>La formation se fait sur le banc simulé (lancez meterlab avec --demo) ou sur une vraie carte avec les instruments connectés dans l&apos;onglet Instruments ; ou utilisez `meterlab exercise run` dans un terminal.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="173"/>
        <source>Trainee</source>
        <translation>Stagiaire</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="174"/>
        <source>Exercise language</source>
        <translation>Langue de l&apos;exercice</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="175"/>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="176"/>
        <source>Start exercise</source>
        <translation>Démarrer l&apos;exercice</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="177"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="178"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="179"/>
        <source>Teacher…</source>
        <translation>Enseignant…</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="182"/>
        <source>Scope probe</source>
        <translation>Sonde d&apos;oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="182"/>
        <source>Logic clip</source>
        <translation>Pince logique</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="185"/>
        <source>Choose an exercise and press Start.</source>
        <translation>Choisissez un exercice et appuyez sur Démarrer.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="199"/>
        <source>Switch fault on</source>
        <translation>Activer le défaut</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="201"/>
        <source>Trainees&apos; records</source>
        <translation>Résultats des stagiaires</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="203"/>
        <source>Fault</source>
        <translation>Défaut</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="210"/>
        <source>&lt;b&gt;Teacher&lt;/b&gt; — solutions, fault switches, records</source>
        <translation>&lt;b&gt;Enseignant&lt;/b&gt; — solutions, commutateurs de défauts, résultats</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="217"/>
        <source>Teacher mode</source>
        <translation>Mode enseignant</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="217"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="220"/>
        <source>That is not the teacher passphrase (or the station file has none: `meterlab exercise passphrase` prints the line to add).</source>
        <translation>Ce n&apos;est pas la phrase secrète de l&apos;enseignant (ou le fichier de station n&apos;en a pas : `meterlab exercise passphrase` affiche la ligne à ajouter).</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="239"/>
        <source>No exercise running.</source>
        <translation>Aucun exercice en cours.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="266"/>
        <source>A real board&apos;s faults are switched by hand, not from here.</source>
        <translation>Les défauts d&apos;une vraie carte se commutent à la main, pas d&apos;ici.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="272"/>
        <source>The fault could not be switched: %1</source>
        <translation>Le défaut n&apos;a pas pu être commuté : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="288"/>
        <source>The records could not be read: %1</source>
        <translation>Les résultats n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="294"/>
        <source>No attempts yet.</source>
        <translation>Pas encore de tentatives.</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="305"/>
        <source>%1 — level %2, parts %3</source>
        <translation>%1 — niveau %2, parties %3</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="360"/>
        <source>The exercise could not start: %1</source>
        <translation>L&apos;exercice n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="378"/>
        <source>step %1/%2 (%3 points)</source>
        <translation>étape %1/%2 (%3 points)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="424"/>
        <source>The %1 could not be moved: %2</source>
        <translation>Impossible de déplacer : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="459"/>
        <source>Click on the board where this is: %1</source>
        <translation>Cliquez sur la carte à l&apos;endroit où se trouve : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="467"/>
        <source>The instruments could not be read: %1</source>
        <translation>Les instruments n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="475"/>
        <source>tries left: %1</source>
        <translation>essais restants : %1</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/training_view.py" line="497"/>
        <source>Done: score %1/%2. Choose the next exercise.</source>
        <translation>Terminé : score %1/%2. Choisissez l&apos;exercice suivant.</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="129"/>
        <source>first failure</source>
        <extracomment>Visible time spans offered while following the newest data (seconds; 0 = all). While following, the chart moves in steps of this many pixels.</extracomment>
        <translation>premier échec</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="140"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="142"/>
        <source>Freeze the chart; readings are still recorded</source>
        <translation>Figer le graphique ; les mesures sont toujours enregistrées</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="144"/>
        <source>Follow newest</source>
        <translation>Suivre les dernières</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="145"/>
        <source>Scroll with the newest readings again</source>
        <translation>Défiler de nouveau avec les dernières mesures</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="150"/>
        <source>all</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="152"/>
        <source>Time span shown while following</source>
        <translation>Durée affichée pendant le suivi</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="159"/>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="164"/>
        <source>Span</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="202"/>
        <source>⏸ paused</source>
        <translation>⏸ en pause</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="204"/>
        <source>● live</source>
        <translation>● en direct</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="206"/>
        <source>◌ browsing</source>
        <translation>◌ navigation</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/trend.py" line="319"/>
        <source>reading</source>
        <translation>mesure</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../meterlab/gui/style.py" line="48"/>
        <source>PASS</source>
        <extracomment>Text colour on each badge background, picked for contrast (not for looks).</extracomment>
        <translation>CONFORME</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="49"/>
        <source>MARGINAL</source>
        <translation>MARGINAL</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="50"/>
        <source>INDETERMINATE</source>
        <translation>INDÉTERMINÉ</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="51"/>
        <source>FAIL</source>
        <translation>NON CONFORME</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="52"/>
        <source>OVERLOAD</source>
        <translation>SURCHARGE</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/style.py" line="53"/>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
</context>
<context>
    <name>VerdictBadge</name>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="53"/>
        <source>no limit</source>
        <extracomment>The unit&apos;s outcome when the badge shows one (the plan view), else None.</extracomment>
        <translation>pas de limite</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/badge.py" line="58"/>
        <source>No verdict</source>
        <translation>Pas de verdict</translation>
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
        <translation>Oscilloscope</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="112"/>
        <source>Plan runner</source>
        <translation>Lanceur de plans</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="113"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="114"/>
        <source>Instruments</source>
        <translation>Instruments</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/views.py" line="115"/>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../meterlab/gui/plan_screenshots.py" line="57"/>
        <source>Plan runner</source>
        <translation>Lanceur de plans</translation>
    </message>
    <message>
        <location filename="../../meterlab/gui/plan_screenshots.py" line="58"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
</context>
</TS>
