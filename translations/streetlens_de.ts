<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 h %2 min</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Candidate lists (*.csv *.txt);;All files (*)</source>
        <translation>Kandidatenlisten (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Trained classifier: %1 photos, cross-validated accuracy %2 %</source>
        <translation>Trainierter Klassifikator: %1 Fotos, kreuzvalidierte Genauigkeit %2 %</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnalysisWorker</name>
    <message>
        <source>The built-in gazetteer could not be loaded: %1</source>
        <translation>Das eingebaute Ortsverzeichnis konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>This build of StreetLens has no inference engine.</source>
        <translation>Diese StreetLens-Version hat keine Inferenz-Engine.</translation>
    </message>
    <message>
        <source>No model folder is set.</source>
        <translation>Es ist kein Modellordner festgelegt.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The built-in gazetteer is not loaded.</source>
        <translation>Das eingebaute Ortsverzeichnis ist nicht geladen.</translation>
    </message>
    <message>
        <source>Preparing the place labels failed: %1</source>
        <translation>Die Ortsbezeichnungen konnten nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>No model is known for this project: analyse the photos first.</source>
        <translation>Für dieses Projekt ist kein Modell bekannt: Analysieren Sie zuerst die Fotos.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <source>The reference gallery %1 is not used: %2</source>
        <translation>Die Referenzgalerie %1 wird nicht verwendet: %2</translation>
    </message>
    <message>
        <source>%1: no model is loaded to compare it with.</source>
        <translation>%1: Es ist kein Modell geladen, um es zu vergleichen.</translation>
    </message>
    <message>
        <source>%1: no scratch project: %2</source>
        <translation>%1: kein Hilfsprojekt: %2</translation>
    </message>
    <message>
        <source>%1: could not be analysed.</source>
        <translation>%1: konnte nicht analysiert werden.</translation>
    </message>
    <message>
        <source>%1: the model gave no embedding.</source>
        <translation>%1: Das Modell lieferte kein Embedding.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnnotationPanel</name>
    <message>
        <source>Not reviewed</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Your verdict on the model&apos;s answer for this photo (kept in the project and written to every export).</source>
        <translation>Ihr Urteil über die Antwort des Modells zu diesem Foto (im Projekt gespeichert und in jeden Export geschrieben).</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Your note on this photo: what you checked, sources…</source>
        <translation>Ihre Notiz zu diesem Foto: was Sie geprüft haben, Quellen…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>lat, lon</source>
        <translation>Breite, Länge</translation>
    </message>
    <message>
        <source>Where the photo was really taken, in decimal degrees (latitude, longitude).</source>
        <translation>Wo das Foto tatsächlich aufgenommen wurde, in Dezimalgrad (Breite, Länge).</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Pin on map</source>
        <translation>Auf der Karte markieren</translation>
    </message>
    <message>
        <source>Click where the photo was really taken on the map.</source>
        <translation>Klicken Sie auf der Karte, wo das Foto tatsächlich aufgenommen wurde.</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; &quot;%1&quot; is not a latitude and longitude in decimal degrees (e.g. 48.8566, 2.3522).</source>
        <translation>&lt;b&gt;Tatsächlicher Ort:&lt;/b&gt; „%1“ ist keine Breite und Länge in Dezimalgrad (z.&#xa0;B. 48.8566, 2.3522).</translation>
    </message>
    <message>
        <source>Select a photo to give your verdict and note.</source>
        <translation>Wählen Sie ein Foto, um Ihr Urteil und Ihre Notiz festzuhalten.</translation>
    </message>
    <message>
        <source>Your assessment of %1</source>
        <translation>Ihre Einschätzung von %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; none — pin it on the map or type it below when you know where the photo was taken.</source>
        <translation>&lt;b&gt;Tatsächlicher Ort:&lt;/b&gt; keiner — markieren Sie ihn auf der Karte oder geben Sie ihn unten ein, wenn Sie wissen, wo das Foto aufgenommen wurde.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; %1, %2</source>
        <translation>&lt;b&gt;Tatsächlicher Ort:&lt;/b&gt; %1, %2</translation>
    </message>
    <message>
        <source>The estimate is %1 km from it.</source>
        <translation>Die Schätzung liegt %1 km davon entfernt.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AreaDrawOverlay</name>
    <message>
        <source>Click the corners · Enter or double-click ends · Backspace undoes · Esc cancels</source>
        <translation>Ecken klicken · Eingabe oder Doppelklick beendet · Rücktaste nimmt zurück · Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::DownloadDialog</name>
    <message>
        <source>Download StreetCLIP</source>
        <translation>StreetCLIP herunterladen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from %2 into&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2 nach&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Licence: %1

%2</source>
        <translation>Lizenz: %1

%2</translation>
    </message>
    <message>
        <source>I accept the %1 licence and the model card&apos;s restrictions.</source>
        <translation>Ich akzeptiere die Lizenz %1 und die Einschränkungen der Model Card.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Datei %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2 — %3/s</source>
        <translation>%1 von %2 – %3/s</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>unbekannte Größe</translation>
    </message>
    <message>
        <source>Verifying %1 (SHA-256)…</source>
        <translation>%1 wird geprüft (SHA-256)…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Cancelled. The partial file is kept; downloading again resumes it.</source>
        <translation>Abgebrochen. Die unvollständige Datei bleibt erhalten; ein erneuter Download setzt sie fort.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Done. The model is ready.</source>
        <translation>Fertig. Das Modell ist bereit.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidenceController</name>
    <message numerus="yes">
        <source>Applying the constraint to %n photo(s)…</source>
        <translation>
            <numerusform>Die Einschränkung wird auf %n Foto(s) angewendet …</numerusform>
            <numerusform>Die Einschränkung wird auf %n Foto(s) angewendet …</numerusform>
        </translation>
    </message>
    <message>
        <source>Constraint cleared: the model&apos;s own answers.</source>
        <translation>Einschränkung aufgehoben: die eigenen Antworten des Modells.</translation>
    </message>
    <message>
        <source>Select two or more analysed photos of the same place to group them.</source>
        <translation>Wählen Sie zwei oder mehr analysierte Fotos desselben Orts, um sie zu gruppieren.</translation>
    </message>
    <message numerus="yes">
        <source>Site &quot;%1&quot;: %n photo(s) fused.</source>
        <translation>
            <numerusform>Ort „%1“: %n Foto(s) zusammengeführt.</numerusform>
            <numerusform>Ort „%1“: %n Foto(s) zusammengeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;: %2 of %3 photos fused (the others have nothing inside the constraint).</source>
        <translation>Ort „%1“: %2 von %3 Fotos zusammengeführt (die anderen haben nichts innerhalb der Einschränkung).</translation>
    </message>
    <message>
        <source>Rename site &quot;%1&quot;</source>
        <translation>Ort „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Delete site &quot;%1&quot;</source>
        <translation>Ort „%1“ löschen</translation>
    </message>
    <message>
        <source>Group into site &quot;%1&quot;</source>
        <translation>Zum Ort „%1“ gruppieren</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidencePanel</name>
    <message>
        <source>What you know about where</source>
        <translation>Was Sie über den Ort wissen</translation>
    </message>
    <message>
        <source>e.g. HU, AT, SK</source>
        <translation>z. B. HU, AT, SK</translation>
    </message>
    <message>
        <source>Keep only these countries (ISO codes, comma-separated)</source>
        <translation>Nur diese Länder behalten (ISO-Codes, durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>e.g. RU</source>
        <translation>z. B. RU</translation>
    </message>
    <message>
        <source>Exclude these countries</source>
        <translation>Diese Länder ausschließen</translation>
    </message>
    <message>
        <source>Only countries</source>
        <translation>Nur Länder</translation>
    </message>
    <message>
        <source>Not countries</source>
        <translation>Nicht diese Länder</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <source>Draw area</source>
        <translation>Gebiet zeichnen</translation>
    </message>
    <message>
        <source>Click the corners on the map; Enter or double-click ends, Esc cancels</source>
        <translation>Klicken Sie die Ecken auf der Karte; Eingabe oder Doppelklick beendet, Esc bricht ab</translation>
    </message>
    <message>
        <source>Draw exclusion</source>
        <translation>Ausschluss zeichnen</translation>
    </message>
    <message>
        <source>GeoJSON…</source>
        <translation>GeoJSON …</translation>
    </message>
    <message>
        <source>Load the Polygon/MultiPolygon areas of a GeoJSON file</source>
        <translation>Die Polygon-/MultiPolygon-Gebiete einer GeoJSON-Datei laden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Areas to keep the answer within</source>
        <translation>Gebiete, in denen die Antwort liegen muss</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Latitude of the centre</source>
        <translation>Breite des Mittelpunkts</translation>
    </message>
    <message>
        <source>Longitude of the centre</source>
        <translation>Länge des Mittelpunkts</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alles löschen</translation>
    </message>
    <message>
        <source>Several photos of one place</source>
        <translation>Mehrere Fotos eines Orts</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Name des Orts</translation>
    </message>
    <message>
        <source>Group selected</source>
        <translation>Auswahl gruppieren</translation>
    </message>
    <message>
        <source>Fuse the photos selected in the list into one site</source>
        <translation>Die in der Liste ausgewählten Fotos zu einem Ort zusammenführen</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Within area %1</source>
        <translation>Innerhalb von Gebiet %1</translation>
    </message>
    <message>
        <source>Excluded area %1</source>
        <translation>Ausgeschlossenes Gebiet %1</translation>
    </message>
    <message>
        <source>%1: cannot open (%2)</source>
        <translation>%1: kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 of %4)</source>
        <translation>%1 %2 (%3 von %4)</translation>
    </message>
    <message>
        <source>Not in</source>
        <translation>Nicht in</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Innerhalb von</translation>
    </message>
    <message>
        <source>An area needs at least three corners.</source>
        <translation>Ein Gebiet braucht mindestens drei Ecken.</translation>
    </message>
    <message>
        <source>Not in drawn area (%1 corners)</source>
        <translation>Nicht im gezeichneten Gebiet (%1 Ecken)</translation>
    </message>
    <message>
        <source>Within drawn area (%1 corners)</source>
        <translation>Im gezeichneten Gebiet (%1 Ecken)</translation>
    </message>
    <message>
        <source>Within %1 km of %2, %3</source>
        <translation>Im Umkreis von %1 km um %2, %3</translation>
    </message>
    <message>
        <source>Only %1 % of the model&apos;s probability lies inside: too little to show a place.</source>
        <translation>Nur %1 % der Wahrscheinlichkeit des Modells liegen innerhalb: zu wenig, um einen Ort zu zeigen.</translation>
    </message>
    <message>
        <source>%1 % of the model&apos;s probability lies inside.</source>
        <translation>%1 % der Wahrscheinlichkeit des Modells liegen innerhalb.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Give the selected site the name typed above</source>
        <translation>Dem ausgewählten Ort den oben eingegebenen Namen geben</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>Ort löschen</translation>
    </message>
    <message>
        <source>Delete the selected site (its photos stay in the project)</source>
        <translation>Den ausgewählten Ort löschen (seine Fotos bleiben im Projekt)</translation>
    </message>
    <message>
        <source>The sites of this project; select one to see its fused answer</source>
        <translation>Die Orte dieses Projekts; wählen Sie einen aus, um seine zusammengeführte Antwort zu sehen</translation>
    </message>
    <message>
        <source>Select a site and type its new name in the site name field.</source>
        <translation>Wählen Sie einen Ort und geben Sie seinen neuen Namen in das Feld für den Ortsnamen ein.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — %n Foto(s)</numerusform>
            <numerusform>%1 — %n Foto(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExplanationPanel</name>
    <message>
        <source>Attention rollout</source>
        <translation>Attention-Rollout</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Verdeckung</translation>
    </message>
    <message>
        <source>A place of the result, or any text</source>
        <translation>Ein Ort des Ergebnisses oder beliebiger Text</translation>
    </message>
    <message>
        <source>Gradient-weighted attention rollout over all layers (Chefer et al. 2021): about three forward passes.</source>
        <translation>Gradientengewichtetes Attention-Rollout über alle Schichten (Chefer et al. 2021): etwa drei Vorwärtsdurchläufe.</translation>
    </message>
    <message>
        <source>The drop of the label&apos;s probability when each patch shows the mean colour: one forward pass per patch, slow on a CPU.</source>
        <translation>Der Rückgang der Wahrscheinlichkeit der Bezeichnung, wenn jedes Feld die mittlere Farbe zeigt: ein Vorwärtsdurchlauf pro Feld, langsam auf einer CPU.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The overlay shows which parts of the photo made the model prefer this label over the others it is compared with. It shows where the model looked, not why the place is right: check every clue yourself.</source>
        <translation>Die Überlagerung zeigt, welche Teile des Fotos das Modell diese Bezeichnung den anderen verglichenen vorziehen ließen. Sie zeigt, wohin das Modell geschaut hat, nicht warum der Ort stimmt: Prüfen Sie jeden Hinweis selbst.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message numerus="yes">
        <source>All images (%n with results)</source>
        <translation>
            <numerusform>Alle Bilder (%n mit Ergebnis)</numerusform>
            <numerusform>Alle Bilder (%n mit Ergebnissen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected images (%n)</source>
        <translation>
            <numerusform>Ausgewählte Bilder (%n)</numerusform>
            <numerusform>Ausgewählte Bilder (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave EXIF GPS out (privacy)</source>
        <translation>EXIF-GPS weglassen (Datenschutz)</translation>
    </message>
    <message>
        <source>Writes no camera coordinates, nor anything that reveals them (EXIF country, error in km, accuracy summary).</source>
        <translation>Schreibt keine Kamerakoordinaten und nichts, was sie verrät (EXIF-Land, Abweichung in km, Genauigkeitsübersicht).</translation>
    </message>
    <message>
        <source>Countries, regions and cities listed per image</source>
        <translation>Pro Bild aufgeführte Länder, Regionen und Städte</translation>
    </message>
    <message>
        <source>Also write the top cities as points</source>
        <translation>Auch die wahrscheinlichsten Städte als Punkte schreiben</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Datenschutz:</translation>
    </message>
    <message>
        <source>Top entries:</source>
        <translation>Top-Einträge:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Reports show each photo with its map; they state that locations are estimates, not proof.</source>
        <translation>Berichte zeigen jedes Foto mit seiner Karte; sie weisen darauf hin, dass die Orte Schätzungen und keine Beweise sind.</translation>
    </message>
    <message>
        <source>%1 is a folder: add a file name.</source>
        <translation>%1 ist ein Ordner: Geben Sie einen Dateinamen an.</translation>
    </message>
    <message>
        <source>%1 exists and will be replaced.</source>
        <translation>%1 existiert bereits und wird ersetzt.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON (complete results)</source>
        <translation>JSON (vollständige Ergebnisse)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>GeoJSON (QGIS and other GIS tools)</source>
        <translation>GeoJSON (QGIS und andere GIS-Programme)</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson)</source>
        <translation>GeoJSON-Dateien (*.geojson)</translation>
    </message>
    <message>
        <source>KML (Google Earth)</source>
        <translation>KML (Google Earth)</translation>
    </message>
    <message>
        <source>KML files (*.kml)</source>
        <translation>KML-Dateien (*.kml)</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML-Dateien (*.html *.htm)</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose another one with Browse….</source>
        <translation>Der Ordner %1 existiert nicht: wählen Sie mit Durchsuchen… einen anderen.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::GalleryEvidenceView</name>
    <message>
        <source>Gallery photo</source>
        <translation>Galeriefoto</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Cosine similarity of the two photos&apos; image embeddings (1 = the same picture)</source>
        <translation>Kosinus-Ähnlichkeit der Bild-Embeddings beider Fotos (1 = dasselbe Bild)</translation>
    </message>
    <message>
        <source>Share of this photo in the gallery&apos;s density</source>
        <translation>Anteil dieses Fotos an der Dichte der Galerie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gallery estimate:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Galerie-Schätzung:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fused with the model&apos;s probabilities into the estimate above.</source>
        <translation>Mit den Wahrscheinlichkeiten des Modells zur obigen Schätzung verschmolzen.</translation>
    </message>
    <message>
        <source>Shown only: not fused into the estimate (weight 0, or no place lists).</source>
        <translation>Nur angezeigt: nicht in die Schätzung eingeflossen (Gewicht 0 oder keine Ortslisten).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Zero-shot estimate:&lt;/b&gt; %1 (%2), %3 km from the gallery&apos;s</source>
        <translation>&lt;b&gt;Zero-Shot-Schätzung:&lt;/b&gt; %1 (%2), %3 km von der der Galerie</translation>
    </message>
    <message numerus="yes">
        <source>%n neighbour(s) in %1</source>
        <translation>
            <numerusform>%n Nachbar in %1</numerusform>
            <numerusform>%n Nachbarn in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Sim.</source>
        <translation>Ähnl.</translation>
    </message>
    <message>
        <source>Distance from the gallery estimate, km</source>
        <translation>Entfernung von der Galerie-Schätzung, km</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListFilter</name>
    <message>
        <source>All photos</source>
        <translation>Alle Fotos</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting or cancelled</source>
        <translation>Wartend oder abgebrochen</translation>
    </message>
    <message>
        <source>Uncertain answers</source>
        <translation>Unsichere Antworten</translation>
    </message>
    <message>
        <source>Confirmed by me</source>
        <translation>Von mir bestätigt</translation>
    </message>
    <message>
        <source>Rejected by me</source>
        <translation>Von mir verworfen</translation>
    </message>
    <message>
        <source>Marked unsure</source>
        <translation>Als unsicher markiert</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListModel</name>
    <message>
        <source>reading</source>
        <translation>wird gelesen</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Top country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Computed with other settings than the current ones; Analysis &gt; Re-analyse all applies them.</source>
        <translation>Mit anderen als den aktuellen Einstellungen berechnet; Analyse &gt; Alle neu analysieren wendet sie an.</translation>
    </message>
    <message>
        <source>Ground truth pinned at %1, %2</source>
        <translation>Tatsächlicher Ort markiert bei %1, %2</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Your class tag for training a classifier (Analysis &gt; Tag as…)</source>
        <translation>Ihre Klassenmarkierung zum Trainieren eines Klassifikators (Analyse &gt; Markieren als…)</translation>
    </message>
    <message>
        <source>%1
Top answer and its probability; sorted by the probability of &quot;%2&quot; (right-click to choose another).</source>
        <translation>%1
Wahrscheinlichste Antwort und ihre Wahrscheinlichkeit; sortiert nach der Wahrscheinlichkeit von „%2“ (Rechtsklick wählt eine andere).</translation>
    </message>
    <message>
        <source>Scene %1 (%2)</source>
        <translation>Szene %1 (%2)</translation>
    </message>
    <message>
        <source>Near-duplicate group (Similar tab &gt; Group near-duplicates): photos of one scene</source>
        <translation>Gruppe von Beinahe-Duplikaten (Reiter Ähnlich &gt; Beinahe-Duplikate gruppieren): Fotos einer Szene</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MainWindow</name>
    <message>
        <source>StreetLens</source>
        <translation>StreetLens</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate image(s) skipped, same content already listed: %1</source>
        <translation>
            <numerusform>%n doppeltes Bild übersprungen, gleicher Inhalt bereits in der Liste: %1</numerusform>
            <numerusform>%n doppelte Bilder übersprungen, gleicher Inhalt bereits in der Liste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (same as %2)</source>
        <translation>%1 (wie %2)</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Fotos oder Ordner hier ablegen oder Datei &gt; Bilder öffnen verwenden.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the image being analysed; finished results are kept.</source>
        <translation>Nach dem gerade analysierten Bild anhalten; fertige Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Preparing place labels… %1 / %2</source>
        <translation>Ortsbezeichnungen werden vorbereitet… %1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source> — waiting for a model</source>
        <translation> – wartet auf ein Modell</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Model ready.</source>
        <translation>Modell bereit.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>Bilder ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Everything is saved: results are written to %1 as they finish.</source>
        <translation>Alles ist gespeichert: Ergebnisse werden nach %1 geschrieben, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Paste images</source>
        <translation>Bilder ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Remove from project</source>
        <translation>Aus Projekt &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Re-analyse all with current settings</source>
        <translation>Alle mit aktuellen Einstellungen &amp;neu analysieren</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Choose model folder…</source>
        <translation>Modellordner &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Download StreetCLIP…</source>
        <translation>StreetCLIP &amp;herunterladen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Responsible use</source>
        <translation>&amp;Verantwortungsvolle Nutzung</translation>
    </message>
    <message>
        <source>&amp;About StreetLens</source>
        <translation>&amp;Über StreetLens</translation>
    </message>
    <message>
        <source>About StreetLens</source>
        <translation>Über StreetLens</translation>
    </message>
    <message>
        <source>StreetLens %1
Where was this street photo taken? Local StreetCLIP geolocation. Estimates, not proof.</source>
        <translation>StreetLens %1
Wo wurde dieses Straßenfoto aufgenommen? Lokale Geolokalisierung mit StreetCLIP. Schätzungen, keine Beweise.</translation>
    </message>
    <message>
        <source>The clipboard holds no image files.</source>
        <translation>Die Zwischenablage enthält keine Bilddateien.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>StreetLens projects (*.streetlens)</source>
        <translation>StreetLens-Projekte (*.streetlens)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>Responsible use</source>
        <translation>Verantwortungsvolle Nutzung</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;StreetLens gives an estimate, not proof.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The StreetCLIP model card rules out geolocating people&apos;s private images. Use StreetLens for street-level photos you are entitled to analyse — research, journalism with consent, your own pictures — and never to find where a person lives or is.&lt;/p&gt;&lt;p&gt;Everything runs on this computer; no photo is uploaded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;StreetLens liefert eine Schätzung, keinen Beweis.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Die Model Card von StreetCLIP schließt die Geolokalisierung privater Bilder von Personen aus. Verwenden Sie StreetLens für Straßenfotos, die Sie analysieren dürfen – Forschung, Journalismus mit Einwilligung, eigene Bilder – und niemals, um herauszufinden, wo eine Person wohnt oder sich aufhält.&lt;/p&gt;&lt;p&gt;Alles läuft auf diesem Computer; kein Foto wird hochgeladen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Candidate list</source>
        <translation>Kandidatenliste</translation>
    </message>
    <message>
        <source>Settings changed. New images use them; Analysis &gt; Re-analyse all updates the others.</source>
        <translation>Einstellungen geändert. Neue Bilder verwenden sie; Analyse &gt; Alle neu analysieren aktualisiert die übrigen.</translation>
    </message>
    <message>
        <source>Cancelled. Results already finished are kept.</source>
        <translation>Abgebrochen. Bereits fertige Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>No project file: %1</source>
        <translation>Keine Projektdatei: %1</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <source>%1 — StreetLens</source>
        <translation>%1 – StreetLens</translation>
    </message>
    <message>
        <source>An export is still running; try again when it has finished.</source>
        <translation>Ein Export läuft noch; versuchen Sie es erneut, wenn er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Nothing to export: no selected image has a result.</source>
        <translation>Nichts zu exportieren: Kein ausgewähltes Bild hat ein Ergebnis.</translation>
    </message>
    <message>
        <source>Nothing to export yet: no image has a result.</source>
        <translation>Noch nichts zu exportieren: Kein Bild hat ein Ergebnis.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s) to %1…</source>
        <translation>
            <numerusform>%n Bild wird nach %1 exportiert…</numerusform>
            <numerusform>%n Bilder werden nach %1 exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>%n Bild nach %1 exportiert</numerusform>
            <numerusform>%n Bilder nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>&amp;CSV table…</source>
        <translation>&amp;CSV-Tabelle…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;GeoJSON (GIS)…</source>
        <translation>&amp;GeoJSON (GIS)…</translation>
    </message>
    <message>
        <source>&amp;KML (Google Earth)…</source>
        <translation>&amp;KML (Google Earth)…</translation>
    </message>
    <message>
        <source>&amp;HTML report…</source>
        <translation>&amp;HTML-Bericht…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>&amp;PDF-Bericht…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Remove photos</source>
        <translation>Fotos entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n analysed photo(s) from the project?</source>
        <translation>
            <numerusform>%n analysiertes Foto aus dem Projekt entfernen?</numerusform>
            <numerusform>%n analysierte Fotos aus dem Projekt entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their results are deleted from the project file. Edit &gt; Undo (%1) brings them back.</source>
        <translation>Ihre Ergebnisse werden aus der Projektdatei gelöscht. Bearbeiten &gt; Rückgängig (%1) holt sie zurück.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed. Edit &gt; Undo brings them back.</source>
        <translation>
            <numerusform>%n Foto entfernt. Bearbeiten &gt; Rückgängig holt es zurück.</numerusform>
            <numerusform>%n Fotos entfernt. Bearbeiten &gt; Rückgängig holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered the untitled project; File &gt; Save project as… keeps it.</source>
        <translation>Unbenanntes Projekt wiederhergestellt; Datei &gt; Projekt speichern unter… behält es.</translation>
    </message>
    <message>
        <source>Batch finished: %1 analysed, %2 failed, %3 cancelled.</source>
        <translation>Stapel beendet: %1 analysiert, %2 fehlgeschlagen, %3 abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source> (then %n photo(s))</source>
        <translation>
            <numerusform> (danach %n Foto)</numerusform>
            <numerusform> (danach %n Fotos)</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading the model</source>
        <translation> — Modell wird geladen</translation>
    </message>
    <message numerus="yes">
        <source>Settings changed. The %n result(s) shown were computed with the previous ones (grey in the list); Analysis &gt; Re-analyse all applies the new ones.</source>
        <translation>
            <numerusform>Einstellungen geändert. Das %n angezeigte Ergebnis wurde mit den vorherigen berechnet (grau in der Liste); Analyse &gt; Alle neu analysieren wendet die neuen an.</numerusform>
            <numerusform>Einstellungen geändert. Die %n angezeigten Ergebnisse wurden mit den vorherigen berechnet (grau in der Liste); Analyse &gt; Alle neu analysieren wendet die neuen an.</numerusform>
        </translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>StreetLens-Karte</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-analyse &amp;selected</source>
        <translation>Aus&amp;gewählte neu analysieren</translation>
    </message>
    <message>
        <source>Re-analyse &amp;failed and cancelled</source>
        <translation>&amp;Fehlgeschlagene und abgebrochene neu analysieren</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Nothing to re-analyse.</source>
        <translation>Nichts neu zu analysieren.</translation>
    </message>
    <message>
        <source>&amp;Evidence: what you know, sites</source>
        <translation>&amp;Indizien: Was Sie wissen, Orte</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Indizien</translation>
    </message>
    <message>
        <source>Search name, folder, country, estimate, note…</source>
        <translation>Name, Ordner, Land, Schätzung, Notiz suchen…</translation>
    </message>
    <message>
        <source>Click where %1 was really taken</source>
        <translation>Klicken Sie, wo %1 tatsächlich aufgenommen wurde</translation>
    </message>
    <message numerus="yes">
        <source>Scene tasks changed: answering them again for %n photo(s) from their stored embeddings.</source>
        <translation>
            <numerusform>Szenenaufgaben geändert: Sie werden für %n Foto aus seinem gespeicherten Embedding neu beantwortet.</numerusform>
            <numerusform>Szenenaufgaben geändert: Sie werden für %n Fotos aus ihren gespeicherten Embeddings neu beantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Shows only the photos whose answer to a scene task has this label (or, with &quot;not …&quot;, any other) above the threshold.</source>
        <translation>Zeigt nur die Fotos, deren Antwort auf eine Szenenaufgabe diese Bezeichnung (oder mit „nicht …“ jede andere) über dem Schwellenwert hat.</translation>
    </message>
    <message>
        <source>not &quot;%1&quot;</source>
        <translation>nicht „%1“</translation>
    </message>
    <message>
        <source>any scene task</source>
        <translation>beliebige Szenenaufgabe</translation>
    </message>
    <message>
        <source>Sort %1 by the probability of</source>
        <translation>%1 sortieren nach der Wahrscheinlichkeit von</translation>
    </message>
    <message>
        <source>&amp;Tag selected photos as…</source>
        <translation>Ausgewählte Fotos &amp;markieren als…</translation>
    </message>
    <message>
        <source>Clear class ta&amp;g of selected</source>
        <translation>Klassenmarkierung der Ausgewählten &amp;löschen</translation>
    </message>
    <message>
        <source>Train &amp;classifier from tags…</source>
        <translation>&amp;Klassifikator aus Markierungen trainieren…</translation>
    </message>
    <message>
        <source>Select the photos to tag first.</source>
        <translation>Wählen Sie zuerst die zu markierenden Fotos aus.</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Markieren als</translation>
    </message>
    <message numerus="yes">
        <source>Your class for the %n selected photo(s) (e.g. damaged, intact):</source>
        <translation>
            <numerusform>Ihre Klasse für das %n ausgewählte Foto (z. B. beschädigt, intakt):</numerusform>
            <numerusform>Ihre Klasse für die %n ausgewählten Fotos (z. B. beschädigt, intakt):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Class tag cleared from %n photo(s).</source>
        <translation>
            <numerusform>Klassenmarkierung von %n Foto entfernt.</numerusform>
            <numerusform>Klassenmarkierung von %n Fotos entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) tagged as &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Foto als „%1“ markiert.</numerusform>
            <numerusform>%n Fotos als „%1“ markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Train classifier</source>
        <translation>Klassifikator trainieren</translation>
    </message>
    <message>
        <source>Tag photos with at least two classes first, a few photos each: select photos, then Analysis &gt; Tag selected photos as…</source>
        <translation>Markieren Sie zuerst Fotos mit mindestens zwei Klassen, je ein paar Fotos: Fotos auswählen, dann Analyse &gt; Ausgewählte Fotos markieren als…</translation>
    </message>
    <message>
        <source>Which of my classes: %1?</source>
        <translation>Welche meiner Klassen: %1?</translation>
    </message>
    <message numerus="yes">
        <source>Training a classifier on %n tagged photo(s)…</source>
        <translation>
            <numerusform>Klassifikator wird mit %n markierten Foto trainiert…</numerusform>
            <numerusform>Klassifikator wird mit %n markierten Fotos trainiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) have no stored embedding of this model: analyse them first.</source>
        <translation>
            <numerusform>%n markiertes Foto hat kein gespeichertes Embedding dieses Modells: Analysieren Sie es zuerst.</numerusform>
            <numerusform>%n markierte Fotos haben kein gespeichertes Embedding dieses Modells: Analysieren Sie sie zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scene tasks not found, left out: %1</source>
        <translation>Szenenaufgaben nicht gefunden, ausgelassen: %1</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>%1 for “%2”…</source>
        <translation>%1 für „%2“ …</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 for “%2” (p = %3 % against the labels compared).</source>
        <translation>%1 für „%2“ (p = %3 % gegenüber den verglichenen Bezeichnungen).</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Ähnliche</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Referenzgalerie</translation>
    </message>
    <message>
        <source>Distinct scenes</source>
        <translation>Verschiedene Szenen</translation>
    </message>
    <message>
        <source>Collapse to distinct scenes: one photo per near-duplicate group (the photos are grouped when this is switched on)</source>
        <translation>Auf verschiedene Szenen reduzieren: ein Foto je Gruppe von Beinahe-Duplikaten (die Fotos werden beim Einschalten gruppiert)</translation>
    </message>
    <message>
        <source>No photo analysed yet: nothing to group.</source>
        <translation>Noch kein Foto analysiert: nichts zu gruppieren.</translation>
    </message>
    <message>
        <source>Grouping near-duplicates…</source>
        <translation>Beinahe-Duplikate werden gruppiert…</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapExportDialog</name>
    <message>
        <source>Save map as PNG</source>
        <translation>Karte als PNG speichern</translation>
    </message>
    <message>
        <source>%1× — %2 × %3 pixels</source>
        <translation>%1× — %2 × %3 Pixel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>The image shows the area of the map as it is now, with the legend and the scale, under the title.</source>
        <translation>Das Bild zeigt den Kartenausschnitt wie jetzt, mit Legende und Maßstab, unter dem Titel.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>Das Kartenbild %1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapMarkers</name>
    <message>
        <source>EXIF GPS position</source>
        <translation>EXIF-GPS-Position</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Probability: %1</source>
        <translation>Wahrscheinlichkeit: %1</translation>
    </message>
    <message>
        <source>Distance estimate to EXIF: %1 km</source>
        <translation>Abstand Schätzung–EXIF: %1 km</translation>
    </message>
    <message>
        <source>Ground truth (your pin)</source>
        <translation>Tatsächlicher Ort (Ihre Markierung)</translation>
    </message>
    <message>
        <source>Distance estimate to your pin: %1 km</source>
        <translation>Abstand Schätzung – Ihre Markierung: %1 km</translation>
    </message>
    <message>
        <source>Gallery photo: similarity %1, %2 km</source>
        <translation>Galeriefoto: Ähnlichkeit %1, %2 km</translation>
    </message>
    <message>
        <source>Gallery estimate</source>
        <translation>Galerie-Schätzung</translation>
    </message>
    <message>
        <source>Where the most similar gallery photos are</source>
        <translation>Wo die ähnlichsten Galeriefotos liegen</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapOverlay</name>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>%1 %2 · estimate</source>
        <translation>%1 %2 · Schätzung</translation>
    </message>
    <message>
        <source>EXIF GPS</source>
        <translation>EXIF-GPS</translation>
    </message>
    <message>
        <source>Probability per 10,000 km²</source>
        <translation>Wahrscheinlichkeit pro 10.000 km²</translation>
    </message>
    <message>
        <source>logarithmic scale · %1</source>
        <translation>logarithmische Skala · %1</translation>
    </message>
    <message>
        <source>Country probability</source>
        <translation>Länderwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>EXIF GPS · %1 photos</source>
        <translation>EXIF-GPS · %1 Fotos</translation>
    </message>
    <message>
        <source>EXIF · %1</source>
        <translation>EXIF · %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapView</name>
    <message>
        <source>No basemap loaded</source>
        <translation>Keine Basiskarte geladen</translation>
    </message>
    <message>
        <source>%1
Probability: %2</source>
        <translation>%1
Wahrscheinlichkeit: %2</translation>
    </message>
    <message>
        <source>Online tiles unavailable (offline) — showing the built-in map</source>
        <translation>Online-Kacheln nicht verfügbar (offline) – die eingebaute Karte wird angezeigt</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>Das Kartenbild %1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the map to the results (F)</source>
        <translation>Karte an die Ergebnisse anpassen (F)</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Welt</translation>
    </message>
    <message>
        <source>Show the whole world (Home)</source>
        <translation>Die ganze Welt zeigen (Pos1)</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Save the map as a PNG image</source>
        <translation>Die Karte als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Probability heatmap</source>
        <translation>Wahrscheinlichkeits-Heatmap</translation>
    </message>
    <message>
        <source>Country shading</source>
        <translation>Länderschattierung</translation>
    </message>
    <message>
        <source>Markers and EXIF line</source>
        <translation>Markierungen und EXIF-Linie</translation>
    </message>
    <message>
        <source>Country borders</source>
        <translation>Ländergrenzen</translation>
    </message>
    <message>
        <source>Country names</source>
        <translation>Ländernamen</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Gradnetz</translation>
    </message>
    <message>
        <source>Legend and scale</source>
        <translation>Legende und Maßstab</translation>
    </message>
    <message>
        <source>Online tiles</source>
        <translation>Online-Kacheln</translation>
    </message>
    <message>
        <source>One marker per image</source>
        <translation>Eine Markierung pro Bild</translation>
    </message>
    <message>
        <source>Several images: one marker each instead of the combined heatmap</source>
        <translation>Mehrere Bilder: je eine Markierung statt der kombinierten Heatmap</translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>StreetLens-Karte</translation>
    </message>
    <message>
        <source>StreetLens · %1 · locations are estimates, not proof</source>
        <translation>StreetLens · %1 · Orte sind Schätzungen, keine Beweise</translation>
    </message>
    <message>
        <source>Confidence regions</source>
        <translation>Konfidenzregionen</translation>
    </message>
    <message>
        <source>Constraint areas</source>
        <translation>Gebiete der Einschränkung</translation>
    </message>
    <message>
        <source>Usual colours</source>
        <translation>Übliche Farben</translation>
    </message>
    <message>
        <source>Top answer</source>
        <translation>Wahrscheinlichste Antwort</translation>
    </message>
    <message>
        <source>Probability of &quot;%1&quot;</source>
        <translation>Wahrscheinlichkeit von „%1“</translation>
    </message>
    <message>
        <source>Colour photos by</source>
        <translation>Fotos einfärben nach</translation>
    </message>
    <message>
        <source>Colour each photo&apos;s marker by its answer to a scene task</source>
        <translation>Die Markierung jedes Fotos nach seiner Antwort auf eine Szenenaufgabe einfärben</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ModelSetupPanel</name>
    <message>
        <source>&lt;h2&gt;No model loaded yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch kein Modell geladen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>StreetLens geolocates photos with &lt;b&gt;StreetCLIP&lt;/b&gt;, a 1.7 GB model that runs on this computer; your photos are never uploaded. You can still add photos now; they are analysed as soon as a model is loaded.</source>
        <translation>StreetLens geolokalisiert Fotos mit &lt;b&gt;StreetCLIP&lt;/b&gt;, einem 1,7 GB großen Modell, das auf diesem Computer läuft; Ihre Fotos werden nie hochgeladen. Sie können schon jetzt Fotos hinzufügen; sie werden analysiert, sobald ein Modell geladen ist.</translation>
    </message>
    <message>
        <source>Choose model folder…</source>
        <translation>Modellordner wählen…</translation>
    </message>
    <message>
        <source>A folder with config.json, vocab.json, merges.txt and model.safetensors (or a Hugging Face cache folder).</source>
        <translation>Ein Ordner mit config.json, vocab.json, merges.txt und model.safetensors (oder ein Hugging-Face-Cache-Ordner).</translation>
    </message>
    <message>
        <source>Use found model</source>
        <translation>Gefundenes Modell verwenden</translation>
    </message>
    <message>
        <source>Looking in the Hugging Face cache…</source>
        <translation>Suche im Hugging-Face-Cache…</translation>
    </message>
    <message>
        <source>Download StreetCLIP…</source>
        <translation>StreetCLIP herunterladen…</translation>
    </message>
    <message>
        <source>From Hugging Face (geolocal/StreetCLIP, licence CC BY-NC 4.0; about 1.7 GB).</source>
        <translation>Von Hugging Face (geolocal/StreetCLIP, Lizenz CC BY-NC 4.0; etwa 1,7 GB).</translation>
    </message>
    <message>
        <source>No CLIP model found in the Hugging Face cache.</source>
        <translation>Kein CLIP-Modell im Hugging-Face-Cache gefunden.</translation>
    </message>
    <message>
        <source>Found in the Hugging Face cache.</source>
        <translation>Im Hugging-Face-Cache gefunden.</translation>
    </message>
    <message>
        <source>This build of StreetLens was made without the inference engine (LibTorch), so it cannot analyse photos; it can still open projects and show their results.</source>
        <translation>Diese StreetLens-Version wurde ohne Inferenz-Engine (LibTorch) erstellt und kann daher keine Fotos analysieren; sie kann aber Projekte öffnen und deren Ergebnisse anzeigen.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoSearchBox</name>
    <message>
        <source>&lt;b&gt;Search with a photo:&lt;/b&gt; drop a photo file here to find the most similar photos in this project and the case folder.</source>
        <translation>&lt;b&gt;Mit einem Foto suchen:&lt;/b&gt; Ziehen Sie eine Fotodatei hierher, um die ähnlichsten Fotos in diesem Projekt und im Fallordner zu finden.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a photo to search with</source>
        <translation>Ein Foto für die Suche wählen</translation>
    </message>
    <message>
        <source>Search with a photo</source>
        <translation>Mit einem Foto suchen</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoView</name>
    <message>
        <source>The photo could not be read.</source>
        <translation>Das Foto konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PointPickOverlay</name>
    <message>
        <source>Esc cancels</source>
        <translation>Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ProbabilityList</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ProbeTrainingDialog</name>
    <message>
        <source>Trained classifier</source>
        <translation>Trainierter Klassifikator</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cross-validated accuracy: %1&lt;/b&gt; (chance: %2)&lt;/p&gt;&lt;p&gt;%3 photos in %4 classes, %5-fold cross-validation: each photo was classified by a classifier trained without it. Accuracy near the chance level means the classes are not told apart from these photos; tag more, or more distinct, photos.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kreuzvalidierte Genauigkeit: %1&lt;/b&gt; (Zufall: %2)&lt;/p&gt;&lt;p&gt;%3 Fotos in %4 Klassen, %5-fache Kreuzvalidierung: Jedes Foto wurde von einem Klassifikator eingeordnet, der ohne es trainiert wurde. Eine Genauigkeit nahe dem Zufallsniveau bedeutet, dass die Klassen anhand dieser Fotos nicht unterschieden werden; markieren Sie mehr oder deutlicher verschiedene Fotos.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) left out: not analysed with this model yet.</source>
        <translation>
            <numerusform>%n markiertes Foto ausgelassen: noch nicht mit diesem Modell analysiert.</numerusform>
            <numerusform>%n markierte Fotos ausgelassen: noch nicht mit diesem Modell analysiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confusion matrix (rows: your class; columns: the classifier&apos;s answer):</source>
        <translation>Konfusionsmatrix (Zeilen: Ihre Klasse; Spalten: die Antwort des Klassifikators):</translation>
    </message>
    <message>
        <source>Task name:</source>
        <translation>Name der Aufgabe:</translation>
    </message>
    <message>
        <source>e.g. Is the building damaged?</source>
        <translation>z. B. Ist das Gebäude beschädigt?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>Save as task</source>
        <translation>Als Aufgabe speichern</translation>
    </message>
    <message>
        <source>This classifier</source>
        <translation>Dieser Klassifikator</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ProjectSession</name>
    <message>
        <source>%1 is open in another StreetLens window (process %2 on %3). Close it there first: two windows on one project would overwrite each other&apos;s work.</source>
        <translation>%1 ist in einem anderen StreetLens-Fenster geöffnet (Prozess %2 auf %3). Schließen Sie es dort zuerst: Zwei Fenster auf einem Projekt würden gegenseitig ihre Arbeit überschreiben.</translation>
    </message>
    <message>
        <source>%1 cannot be locked for this window (no lock file can be written next to it).</source>
        <translation>%1 kann für dieses Fenster nicht gesperrt werden (daneben lässt sich keine Sperrdatei schreiben).</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::RemoveImagesCommand</name>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>%n Foto entfernen</numerusform>
            <numerusform>%n Fotos entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ResultsPanel</name>
    <message>
        <source>Countries</source>
        <translation>Länder</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Städte</translation>
    </message>
    <message>
        <source>&lt;small&gt;An estimate, not proof. Not for locating people from their private photos.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Eine Schätzung, kein Beweis. Nicht dafür gedacht, Personen anhand ihrer privaten Fotos zu orten.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <source>Drop photos or folders on the window, or use File &gt; Open.</source>
        <translation>Fotos oder Ordner auf das Fenster ziehen oder Datei &gt; Öffnen verwenden.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images selected; the map shows them combined.</source>
        <translation>
            <numerusform>%n Bild ausgewählt; die Karte zeigt es.</numerusform>
            <numerusform>%n Bilder ausgewählt; die Karte zeigt sie zusammen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Schätzung:&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; none</source>
        <translation>&lt;b&gt;Schätzung:&lt;/b&gt; keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;EXIF-GPS:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Error:&lt;/b&gt; %1 km</source>
        <translation>&lt;br&gt;&lt;b&gt;Abweichung:&lt;/b&gt; %1 km</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; none in this photo</source>
        <translation>&lt;b&gt;EXIF-GPS:&lt;/b&gt; keine in diesem Foto</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Your assessment</source>
        <translation>Ihre Einschätzung</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Answers of the scene tasks chosen in Settings &gt; Scene tasks, from the same image embedding (zero-shot or your trained classifiers).</source>
        <translation>Antworten der unter Einstellungen &gt; Szenenaufgaben gewählten Aufgaben, aus demselben Bild-Embedding (Zero-Shot oder Ihre trainierten Klassifikatoren).</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>What the model reads in the photo for each clue question; check each clue in the photo yourself.</source>
        <translation>Was das Modell für jede Hinweisfrage im Foto liest; prüfen Sie jeden Hinweis selbst im Foto.</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Referenzgalerie</translation>
    </message>
    <message>
        <source>The most similar photos of the reference gallery chosen in Settings and the place they point to.</source>
        <translation>Die ähnlichsten Fotos der in den Einstellungen gewählten Referenzgalerie und der Ort, auf den sie hinweisen.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SceneTasksPage</name>
    <message>
        <source>Questions answered for every photo from the image embedding the geolocation already computed (no second pass). Checked tasks get a list column, a filter, a map colouring and a section in the results.</source>
        <translation>Fragen, die für jedes Foto aus dem Bild-Embedding beantwortet werden, das die Geolokalisierung schon berechnet hat (kein zweiter Durchlauf). Angehakte Aufgaben erhalten eine Listenspalte, einen Filter, eine Kartenfärbung und einen Abschnitt in den Ergebnissen.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clue readings (driving side, script on signs, road lines, climate, …)</source>
        <translation>Hinweise lesen (Fahrseite, Schrift auf Schildern, Fahrbahnmarkierungen, Klima, …)</translation>
    </message>
    <message>
        <source>Import scene task</source>
        <translation>Szenenaufgabe importieren</translation>
    </message>
    <message>
        <source>Task files (*.json)</source>
        <translation>Aufgabendateien (*.json)</translation>
    </message>
    <message>
        <source>[classifier]</source>
        <translation>[Klassifikator]</translation>
    </message>
    <message>
        <source>[yours]</source>
        <translation>[eigene]</translation>
    </message>
    <message>
        <source>Imported %1 as your task &quot;%2&quot;.</source>
        <translation>%1 als Ihre Aufgabe „%2“ importiert.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Export scene task</source>
        <translation>Szenenaufgabe exportieren</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Delete scene task</source>
        <translation>Szenenaufgabe löschen</translation>
    </message>
    <message>
        <source>Delete your task &quot;%1&quot;? Results already computed keep its answers.</source>
        <translation>Ihre Aufgabe „%1“ löschen? Bereits berechnete Ergebnisse behalten ihre Antworten.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SelectionPresenter</name>
    <message>
        <source>File missing: %1 is no longer on disk; this is the copy stored in the project.</source>
        <translation>Datei fehlt: %1 ist nicht mehr auf dem Datenträger; gezeigt wird die im Projekt gespeicherte Kopie.</translation>
    </message>
    <message>
        <source>Select a photo in the list to see it here.</source>
        <translation>Wählen Sie ein Foto in der Liste, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Fotos oder Ordner hier ablegen oder Datei &gt; Bilder öffnen verwenden.</translation>
    </message>
    <message>
        <source>File missing on disk.</source>
        <translation>Datei fehlt auf dem Datenträger.</translation>
    </message>
    <message>
        <source>Computed with other settings or another model than the current ones: use Analysis &gt; Re-analyse to apply them.</source>
        <translation>Mit anderen Einstellungen oder einem anderen Modell als den aktuellen berechnet: Analyse Mit anderen Einstellungen oder einem anderen Modell als den aktuellen berechnet: Analyse &gt; Erneut analysieren wendet sie an.gt; Neu analysieren wendet sie an.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Being analysed…</source>
        <translation>Wird analysiert…</translation>
    </message>
    <message>
        <source>Cancelled. Use Analysis &gt; Re-analyse to run it.</source>
        <translation>Abgebrochen. Mit Analyse &gt; Neu analysieren erneut ausführen.</translation>
    </message>
    <message>
        <source>Waiting in the queue.</source>
        <translation>Wartet in der Warteschlange.</translation>
    </message>
    <message>
        <source>Waiting for a model to be loaded.</source>
        <translation>Wartet darauf, dass ein Modell geladen wird.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Aufgenommen:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>, %1 m</source>
        <translation>, %1 m</translation>
    </message>
    <message>
        <source>EXIF GPS:</source>
        <translation>EXIF-GPS:</translation>
    </message>
    <message>
        <source>Analysed:</source>
        <translation>Analysiert:</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SettingsDialog</name>
    <message>
        <source>StreetLens settings</source>
        <translation>StreetLens-Einstellungen</translation>
    </message>
    <message>
        <source>Folder with config.json, vocab.json, merges.txt and the weights</source>
        <translation>Ordner mit config.json, vocab.json, merges.txt und den Gewichten</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>Herunterladen von:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Hierarchical (country, then regions and cities)</source>
        <translation>Hierarchisch (Land, dann Regionen und Städte)</translation>
    </message>
    <message>
        <source>Flat (every place at once)</source>
        <translation>Flach (alle Orte auf einmal)</translation>
    </message>
    <message>
        <source>Expected location (probability-weighted)</source>
        <translation>Erwarteter Ort (wahrscheinlichkeitsgewichtet)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Places shown per level (top-k):</source>
        <translation>Angezeigte Orte pro Ebene (Top-k):</translation>
    </message>
    <message>
        <source>Country prompts:</source>
        <translation>Prompts für Länder:</translation>
    </message>
    <message>
        <source>Region prompts:</source>
        <translation>Prompts für Regionen:</translation>
    </message>
    <message>
        <source>City prompts:</source>
        <translation>Prompts für Städte:</translation>
    </message>
    <message>
        <source>Optional CSV of your own candidate places</source>
        <translation>Optionale CSV-Datei mit eigenen Kandidatenorten</translation>
    </message>
    <message>
        <source>Candidate list:</source>
        <translation>Kandidatenliste:</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Wirkt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Sprache der Oberfläche:</translation>
    </message>
    <message>
        <source>Scene tasks</source>
        <translation>Szenenaufgaben</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Referenzgalerie</translation>
    </message>
    <message>
        <source>Photos of known places (an index made with streetlens-cli index): each result gets its most similar gallery photos and the place they point to, fused with the model&apos;s estimate. Changing the gallery makes earlier results stale.</source>
        <translation>Fotos bekannter Orte (ein mit streetlens-cli index erstellter Index): Jedes Ergebnis erhält seine ähnlichsten Galeriefotos und den Ort, auf den sie hinweisen, verschmolzen mit der Schätzung des Modells. Eine andere Galerie macht frühere Ergebnisse veraltet.</translation>
    </message>
    <message>
        <source>No gallery</source>
        <translation>Keine Galerie</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>StreetLens indexes (*.slidx);;All files (*)</source>
        <translation>StreetLens-Indizes (*.slidx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Gallery index:</source>
        <translation>Galerie-Index:</translation>
    </message>
    <message>
        <source>Gallery photos compared with each photo (the most similar ones).</source>
        <translation>Mit jedem Foto verglichene Galeriefotos (die ähnlichsten).</translation>
    </message>
    <message>
        <source>Neighbours (k):</source>
        <translation>Nachbarn (k):</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>How far each gallery photo&apos;s evidence reaches (kernel bandwidth h).</source>
        <translation>Wie weit der Hinweis jedes Galeriefotos reicht (Kernbandbreite h).</translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation>Bandbreite:</translation>
    </message>
    <message>
        <source>Softmax temperature of the similarities: smaller trusts the most similar photos more.</source>
        <translation>Softmax-Temperatur der Ähnlichkeiten: kleiner vertraut den ähnlichsten Fotos mehr.</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Weight of the gallery in the fused estimate (β); 0 shows the gallery without fusing.</source>
        <translation>Gewicht der Galerie in der verschmolzenen Schätzung (β); 0 zeigt die Galerie ohne Verschmelzung.</translation>
    </message>
    <message>
        <source>Weight (β):</source>
        <translation>Gewicht (β):</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ShadowMeasureCanvas</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>shadow</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to its top</source>
        <translation>Vom Fuß des Objekts zu seiner Spitze ziehen</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to the tip of its shadow</source>
        <translation>Vom Fuß des Objekts zur Spitze seines Schattens ziehen</translation>
    </message>
    <message>
        <source>Shadow / height = %1 (drag again to start over)</source>
        <translation>Schatten / Höhe = %1 (erneut ziehen, um neu zu beginnen)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SimilarPhotosPanel</name>
    <message>
        <source>Photos most like the one shown, in this project and the case folder, by the similarity of their image embeddings (1 = the same picture).</source>
        <translation>Die Fotos, die dem gezeigten am ähnlichsten sind, in diesem Projekt und im Fallordner, nach der Ähnlichkeit ihrer Bildeinbettungen (1 = dasselbe Bild).</translation>
    </message>
    <message>
        <source>Case folder…</source>
        <translation>Fallordner…</translation>
    </message>
    <message>
        <source>Also search every StreetLens project in a folder</source>
        <translation>Auch jedes StreetLens-Projekt in einem Ordner durchsuchen</translation>
    </message>
    <message>
        <source>Group near-duplicates</source>
        <translation>Beinahe-Duplikate gruppieren</translation>
    </message>
    <message>
        <source>Photos of this project with a similarity of at least 0.95, or identical files, grouped into scenes</source>
        <translation>Fotos dieses Projekts mit einer Ähnlichkeit von mindestens 0,95 oder identische Dateien, zu Szenen gruppiert</translation>
    </message>
    <message>
        <source>Make a site</source>
        <translation>Zum Ort machen</translation>
    </message>
    <message>
        <source>Turn the chosen group into a site on the Evidence tab</source>
        <translation>Die gewählte Gruppe im Reiter Indizien zu einem Ort machen</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message numerus="yes">
        <source>Scene %1: %n photo(s)</source>
        <translation>
            <numerusform>Szene %1: %n Foto</numerusform>
            <numerusform>Szene %1: %n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 analysed photos, %2 with a near-duplicate in %3 group(s).</source>
        <translation>%1 analysierte Fotos, %2 mit einem Beinahe-Duplikat in %3 Gruppe(n).</translation>
    </message>
    <message>
        <source>No photo shown.</source>
        <translation>Kein Foto angezeigt.</translation>
    </message>
    <message>
        <source>The photo has not been analysed yet.</source>
        <translation>Das Foto ist noch nicht analysiert.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>No case folder: this project only.</source>
        <translation>Kein Fallordner: nur dieses Projekt.</translation>
    </message>
    <message>
        <source>Case folder: %1</source>
        <translation>Fallordner: %1</translation>
    </message>
    <message>
        <source>Case folder</source>
        <translation>Fallordner</translation>
    </message>
    <message>
        <source>No other analysed photo to compare with.</source>
        <translation>Kein anderes analysiertes Foto zum Vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s), most similar first.</source>
        <translation>
            <numerusform>%n ähnliches Foto, das ähnlichste zuerst.</numerusform>
            <numerusform>%n ähnliche Fotos, die ähnlichsten zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — similarity %2</source>
        <translation>%1 — Ähnlichkeit %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Embedding %1…</source>
        <translation>%1 wird eingebettet…</translation>
    </message>
    <message>
        <source>%1: no embedding</source>
        <translation>%1: kein Embedding</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Nicht gesucht: %1</translation>
    </message>
    <message>
        <source>No analysed photo to compare %1 with.</source>
        <translation>Kein analysiertes Foto, mit dem %1 verglichen werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) most like %1, most similar first.</source>
        <translation>
            <numerusform>%n Foto, das %1 am ähnlichsten ist, ähnlichstes zuerst.</numerusform>
            <numerusform>%n Fotos, die %1 am ähnlichsten sind, ähnlichstes zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched with %1</source>
        <translation>Gesucht mit %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SunShadowPanel</name>
    <message>
        <source>Sun &amp;&amp; shadow</source>
        <translation>Sonne &amp;&amp; Schatten</translation>
    </message>
    <message>
        <source>e.g. 2024-06-21T11:30:00+02:00</source>
        <translation>z. B. 2024-06-21T11:30:00+02:00</translation>
    </message>
    <message>
        <source>When the photo was taken, with its time zone (Z for UTC, or an offset such as +02:00)</source>
        <translation>Wann das Foto aufgenommen wurde, mit Zeitzone (Z für UTC oder ein Versatz wie +02:00)</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Aufgenommen am</translation>
    </message>
    <message>
        <source>Shadow / height</source>
        <translation>Schatten / Höhe</translation>
    </message>
    <message>
        <source>Sun elevation</source>
        <translation>Sonnenhöhe</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation>Auf dem Foto messen…</translation>
    </message>
    <message>
        <source>Draw the object and its shadow on the photo</source>
        <translation>Objekt und Schatten auf dem Foto einzeichnen</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>How far the sun&apos;s elevation may be from the measured one</source>
        <translation>Wie weit die Sonnenhöhe von der gemessenen abweichen darf</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>Shadow points to</source>
        <translation>Schatten zeigt nach</translation>
    </message>
    <message>
        <source>Only when north is known in the photo</source>
        <translation>Nur wenn Norden im Foto bekannt ist</translation>
    </message>
    <message>
        <source>° from north</source>
        <translation>° von Norden</translation>
    </message>
    <message>
        <source>Show band</source>
        <translation>Band zeigen</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>Band entfernen</translation>
    </message>
    <message>
        <source>Shadow length divided by the object&apos;s height, on flat ground</source>
        <translation>Schattenlänge geteilt durch die Höhe des Objekts, auf ebenem Boden</translation>
    </message>
    <message>
        <source>The sun&apos;s elevation above the horizon</source>
        <translation>Die Höhe der Sonne über dem Horizont</translation>
    </message>
    <message>
        <source>Enter the moment with its time zone.</source>
        <translation>Geben Sie den Zeitpunkt mit Zeitzone ein.</translation>
    </message>
    <message>
        <source>From the photo: %1. Check it, or type another.</source>
        <translation>Aus dem Foto: %1. Prüfen Sie ihn oder geben Sie einen anderen ein.</translation>
    </message>
    <message>
        <source>The photo says %1 but not its time zone: enter the time with its zone.</source>
        <translation>Das Foto nennt %1, aber keine Zeitzone: Geben Sie die Zeit mit Zeitzone ein.</translation>
    </message>
    <message>
        <source>The photo has no capture time: enter it with its time zone.</source>
        <translation>Das Foto hat keine Aufnahmezeit: Geben Sie sie mit Zeitzone ein.</translation>
    </message>
    <message>
        <source>Enter when the photo was taken, with its time zone (e.g. 2024-06-21T11:30:00+02:00).</source>
        <translation>Geben Sie ein, wann das Foto aufgenommen wurde, mit Zeitzone (z. B. 2024-06-21T11:30:00+02:00).</translation>
    </message>
    <message>
        <source>On the map: %1</source>
        <translation>Auf der Karte: %1</translation>
    </message>
    <message>
        <source>Measure the shadow</source>
        <translation>Schatten messen</translation>
    </message>
    <message>
        <source>Drag from the foot of a vertical object to its top, then from its foot to the tip of its shadow. Flat, level ground; the photo&apos;s perspective shortens lengths that point away from the camera.</source>
        <translation>Ziehen Sie vom Fuß eines senkrechten Objekts zu seiner Spitze, dann von seinem Fuß zur Spitze seines Schattens. Ebener, waagerechter Boden; die Perspektive des Fotos verkürzt Längen, die von der Kamera weg zeigen.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskColoring</name>
    <message>
        <source>%1: probability of &quot;%2&quot;</source>
        <translation>%1: Wahrscheinlichkeit von „%2“</translation>
    </message>
    <message>
        <source>%1: top answer</source>
        <translation>%1: wahrscheinlichste Antwort</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskEditorDialog</name>
    <message>
        <source>Edit scene task</source>
        <translation>Szenenaufgabe bearbeiten</translation>
    </message>
    <message>
        <source>New scene task</source>
        <translation>Neue Szenenaufgabe</translation>
    </message>
    <message>
        <source>e.g. flood-damage (lower-case words joined by -)</source>
        <translation>z. B. flood-damage (kleingeschriebene Wörter, mit - verbunden)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. Is the street flooded?</source>
        <translation>z. B. Ist die Straße überflutet?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>One answer per line, at least two:
a flooded street
a dry street</source>
        <translation>Eine Antwort pro Zeile, mindestens zwei:
a flooded street
a dry street</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Bezeichnungen:</translation>
    </message>
    <message>
        <source>One prompt per line, each with {} where the label goes (averaged):
a street view photo of {}.
none: the labels are the prompts</source>
        <translation>Ein Prompt pro Zeile, jeweils mit {} an der Stelle der Bezeichnung (gemittelt):
a street view photo of {}.
keiner: die Bezeichnungen sind die Prompts</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>Vorlagen:</translation>
    </message>
    <message>
        <source>StreetCLIP compares the photo with each label&apos;s prompts; the answers&apos; probabilities add up to 100 %. Describe what is visible, as a caption would.</source>
        <translation>StreetCLIP vergleicht das Foto mit den Prompts jeder Bezeichnung; die Wahrscheinlichkeiten der Antworten ergeben zusammen 100 %. Beschreiben Sie, was zu sehen ist, wie eine Bildunterschrift.</translation>
    </message>
    <message>
        <source>This task</source>
        <translation>Diese Aufgabe</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UntitledWork</name>
    <message>
        <source>Unsaved project</source>
        <translation>Nicht gespeichertes Projekt</translation>
    </message>
    <message numerus="yes">
        <source>This untitled project has %n photo(s) and is not saved under a name.</source>
        <translation>
            <numerusform>Dieses unbenannte Projekt hat %n Foto und ist nicht unter einem Namen gespeichert.</numerusform>
            <numerusform>Dieses unbenannte Projekt hat %n Fotos und ist nicht unter einem Namen gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save it to keep the photos and their results, or discard it.</source>
        <translation>Speichern Sie es, um die Fotos und ihre Ergebnisse zu behalten, oder verwerfen Sie es.</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Nicht gespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>An untitled project with %n photo(s), last changed %1, was not saved when StreetLens ended.</source>
        <translation>
            <numerusform>Ein unbenanntes Projekt mit %n Foto, zuletzt geändert %1, wurde beim Beenden von StreetLens nicht gespeichert.</numerusform>
            <numerusform>Ein unbenanntes Projekt mit %n Fotos, zuletzt geändert %1, wurde beim Beenden von StreetLens nicht gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover it to go on with it (File &gt; Save project as… keeps it under a name), or discard it.</source>
        <translation>Stellen Sie es wieder her, um daran weiterzuarbeiten (Datei &gt; Projekt speichern unter… behält es unter einem Namen), oder verwerfen Sie es.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UserGuideDialog</name>
    <message>
        <source>The user guide is not part of this build.</source>
        <translation>Das Benutzerhandbuch ist in diesem Build nicht enthalten.</translation>
    </message>
    <message>
        <source>StreetLens user guide</source>
        <translation>StreetLens-Benutzerhandbuch</translation>
    </message>
</context>
</TS>
