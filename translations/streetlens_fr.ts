<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>environ %1 h %2 min restantes</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>environ %1 min %2 s restantes</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>environ %1 s restantes</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Candidate lists (*.csv *.txt);;All files (*)</source>
        <translation>Listes de candidats (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Trained classifier: %1 photos, cross-validated accuracy %2 %</source>
        <translation>Classifieur entraîné : %1 photos, exactitude en validation croisée %2 %</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnalysisWorker</name>
    <message>
        <source>The built-in gazetteer could not be loaded: %1</source>
        <translation>Le répertoire géographique intégré n’a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>This build of StreetLens has no inference engine.</source>
        <translation>Cette version de StreetLens n’a pas de moteur d’inférence.</translation>
    </message>
    <message>
        <source>No model folder is set.</source>
        <translation>Aucun dossier de modèle n’est défini.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>The built-in gazetteer is not loaded.</source>
        <translation>Le répertoire géographique intégré n’est pas chargé.</translation>
    </message>
    <message>
        <source>Preparing the place labels failed: %1</source>
        <translation>La préparation des noms de lieux a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Aucun projet n’est ouvert.</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 ne peut pas être remplacé.</translation>
    </message>
    <message>
        <source>No model is known for this project: analyse the photos first.</source>
        <translation>Aucun modèle n’est connu pour ce projet : analysez d’abord les photos.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n&apos;est chargé.</translation>
    </message>
    <message>
        <source>The reference gallery %1 is not used: %2</source>
        <translation>La galerie de référence %1 n’est pas utilisée : %2</translation>
    </message>
    <message>
        <source>%1: no model is loaded to compare it with.</source>
        <translation>%1 : aucun modèle n’est chargé pour la comparer.</translation>
    </message>
    <message>
        <source>%1: no scratch project: %2</source>
        <translation>%1 : pas de projet temporaire : %2</translation>
    </message>
    <message>
        <source>%1: could not be analysed.</source>
        <translation>%1 : n’a pas pu être analysée.</translation>
    </message>
    <message>
        <source>%1: the model gave no embedding.</source>
        <translation>%1 : le modèle n’a donné aucun embedding.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnnotationPanel</name>
    <message>
        <source>Not reviewed</source>
        <translation>Non examinée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Incertaine</translation>
    </message>
    <message>
        <source>Your verdict on the model&apos;s answer for this photo (kept in the project and written to every export).</source>
        <translation>Votre verdict sur la réponse du modèle pour cette photo (conservé dans le projet et écrit dans chaque export).</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Your note on this photo: what you checked, sources…</source>
        <translation>Votre note sur cette photo&#xa0;: ce que vous avez vérifié, sources…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>lat, lon</source>
        <translation>lat, lon</translation>
    </message>
    <message>
        <source>Where the photo was really taken, in decimal degrees (latitude, longitude).</source>
        <translation>Où la photo a réellement été prise, en degrés décimaux (latitude, longitude).</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Définir</translation>
    </message>
    <message>
        <source>Pin on map</source>
        <translation>Épingler sur la carte</translation>
    </message>
    <message>
        <source>Click where the photo was really taken on the map.</source>
        <translation>Cliquez sur la carte là où la photo a réellement été prise.</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>Retirer l&apos;épingle</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; &quot;%1&quot; is not a latitude and longitude in decimal degrees (e.g. 48.8566, 2.3522).</source>
        <translation>&lt;b&gt;Lieu réel&#xa0;:&lt;/b&gt; «&#xa0;%1&#xa0;» n&apos;est pas une latitude et une longitude en degrés décimaux (p.&#xa0;ex. 48.8566, 2.3522).</translation>
    </message>
    <message>
        <source>Select a photo to give your verdict and note.</source>
        <translation>Sélectionnez une photo pour donner votre verdict et votre note.</translation>
    </message>
    <message>
        <source>Your assessment of %1</source>
        <translation>Votre évaluation de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; none — pin it on the map or type it below when you know where the photo was taken.</source>
        <translation>&lt;b&gt;Lieu réel&#xa0;:&lt;/b&gt; aucun — épinglez-le sur la carte ou saisissez-le ci-dessous si vous savez où la photo a été prise.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; %1, %2</source>
        <translation>&lt;b&gt;Lieu réel&#xa0;:&lt;/b&gt; %1, %2</translation>
    </message>
    <message>
        <source>The estimate is %1 km from it.</source>
        <translation>L&apos;estimation en est à %1&#xa0;km.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AreaDrawOverlay</name>
    <message>
        <source>Click the corners · Enter or double-click ends · Backspace undoes · Esc cancels</source>
        <translation>Cliquez les sommets · Entrée ou double-clic termine · Retour arrière annule le dernier · Échap abandonne</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::DownloadDialog</name>
    <message>
        <source>Download StreetCLIP</source>
        <translation>Télécharger StreetCLIP</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from %2 into&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; depuis %2 vers&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Licence: %1

%2</source>
        <translation>Licence&#xa0;: %1

%2</translation>
    </message>
    <message>
        <source>I accept the %1 licence and the model card&apos;s restrictions.</source>
        <translation>J’accepte la licence %1 et les restrictions de la fiche du modèle.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Fichier %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 of %2 — %3/s</source>
        <translation>%1 sur %2 — %3/s</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>taille inconnue</translation>
    </message>
    <message>
        <source>Verifying %1 (SHA-256)…</source>
        <translation>Vérification de %1 (SHA-256)…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancelled. The partial file is kept; downloading again resumes it.</source>
        <translation>Annulé. Le fichier partiel est conservé&#xa0;; un nouveau téléchargement le reprend.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Done. The model is ready.</source>
        <translation>Terminé. Le modèle est prêt.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidenceController</name>
    <message numerus="yes">
        <source>Applying the constraint to %n photo(s)…</source>
        <translation>
            <numerusform>Application de la contrainte à %n photo(s)…</numerusform>
            <numerusform>Application de la contrainte à %n photo(s)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Constraint cleared: the model&apos;s own answers.</source>
        <translation>Contrainte retirée : les réponses du modèle lui-même.</translation>
    </message>
    <message>
        <source>Select two or more analysed photos of the same place to group them.</source>
        <translation>Sélectionnez au moins deux photos analysées du même lieu pour les grouper.</translation>
    </message>
    <message numerus="yes">
        <source>Site &quot;%1&quot;: %n photo(s) fused.</source>
        <translation>
            <numerusform>Site « %1 » : %n photo(s) fusionnée(s).</numerusform>
            <numerusform>Site « %1 » : %n photo(s) fusionnée(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;: %2 of %3 photos fused (the others have nothing inside the constraint).</source>
        <translation>Site « %1 » : %2 photos sur %3 fusionnées (les autres n&apos;ont rien dans la contrainte).</translation>
    </message>
    <message>
        <source>Rename site &quot;%1&quot;</source>
        <translation>Renommer le site « %1 »</translation>
    </message>
    <message>
        <source>Delete site &quot;%1&quot;</source>
        <translation>Supprimer le site « %1 »</translation>
    </message>
    <message>
        <source>Group into site &quot;%1&quot;</source>
        <translation>Regrouper dans le site « %1 »</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidencePanel</name>
    <message>
        <source>What you know about where</source>
        <translation>Ce que vous savez du lieu</translation>
    </message>
    <message>
        <source>e.g. HU, AT, SK</source>
        <translation>p. ex. HU, AT, SK</translation>
    </message>
    <message>
        <source>Keep only these countries (ISO codes, comma-separated)</source>
        <translation>Ne garder que ces pays (codes ISO, séparés par des virgules)</translation>
    </message>
    <message>
        <source>e.g. RU</source>
        <translation>p. ex. RU</translation>
    </message>
    <message>
        <source>Exclude these countries</source>
        <translation>Exclure ces pays</translation>
    </message>
    <message>
        <source>Only countries</source>
        <translation>Seulement les pays</translation>
    </message>
    <message>
        <source>Not countries</source>
        <translation>Pas ces pays</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Draw area</source>
        <translation>Dessiner une zone</translation>
    </message>
    <message>
        <source>Click the corners on the map; Enter or double-click ends, Esc cancels</source>
        <translation>Cliquez les sommets sur la carte ; Entrée ou double-clic termine, Échap annule</translation>
    </message>
    <message>
        <source>Draw exclusion</source>
        <translation>Dessiner une exclusion</translation>
    </message>
    <message>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <source>Load the Polygon/MultiPolygon areas of a GeoJSON file</source>
        <translation>Charger les zones Polygon/MultiPolygon d&apos;un fichier GeoJSON</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Areas to keep the answer within</source>
        <translation>Zones où la réponse doit se trouver</translation>
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
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Latitude of the centre</source>
        <translation>Latitude du centre</translation>
    </message>
    <message>
        <source>Longitude of the centre</source>
        <translation>Longitude du centre</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Près de</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>Several photos of one place</source>
        <translation>Plusieurs photos d&apos;un même lieu</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nom du site</translation>
    </message>
    <message>
        <source>Group selected</source>
        <translation>Grouper la sélection</translation>
    </message>
    <message>
        <source>Fuse the photos selected in the list into one site</source>
        <translation>Fusionner les photos sélectionnées dans la liste en un site</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Within area %1</source>
        <translation>Dans la zone %1</translation>
    </message>
    <message>
        <source>Excluded area %1</source>
        <translation>Zone exclue %1</translation>
    </message>
    <message>
        <source>%1: cannot open (%2)</source>
        <translation>%1 : impossible d&apos;ouvrir (%2)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 of %4)</source>
        <translation>%1 %2 (%3 sur %4)</translation>
    </message>
    <message>
        <source>Not in</source>
        <translation>Hors de</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Dans</translation>
    </message>
    <message>
        <source>An area needs at least three corners.</source>
        <translation>Une zone a besoin d&apos;au moins trois sommets.</translation>
    </message>
    <message>
        <source>Not in drawn area (%1 corners)</source>
        <translation>Hors de la zone dessinée (%1 sommets)</translation>
    </message>
    <message>
        <source>Within drawn area (%1 corners)</source>
        <translation>Dans la zone dessinée (%1 sommets)</translation>
    </message>
    <message>
        <source>Within %1 km of %2, %3</source>
        <translation>À moins de %1 km de %2, %3</translation>
    </message>
    <message>
        <source>Only %1 % of the model&apos;s probability lies inside: too little to show a place.</source>
        <translation>Seuls %1 % de la probabilité du modèle se trouvent à l&apos;intérieur : trop peu pour montrer un lieu.</translation>
    </message>
    <message>
        <source>%1 % of the model&apos;s probability lies inside.</source>
        <translation>%1 % de la probabilité du modèle se trouvent à l&apos;intérieur.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Give the selected site the name typed above</source>
        <translation>Donner au site sélectionné le nom saisi ci-dessus</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>Supprimer le site</translation>
    </message>
    <message>
        <source>Delete the selected site (its photos stay in the project)</source>
        <translation>Supprimer le site sélectionné (ses photos restent dans le projet)</translation>
    </message>
    <message>
        <source>The sites of this project; select one to see its fused answer</source>
        <translation>Les sites de ce projet ; sélectionnez-en un pour voir sa réponse fusionnée</translation>
    </message>
    <message>
        <source>Select a site and type its new name in the site name field.</source>
        <translation>Sélectionnez un site et saisissez son nouveau nom dans le champ du nom de site.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — %n photo(s)</numerusform>
            <numerusform>%1 — %n photo(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExplanationPanel</name>
    <message>
        <source>Attention rollout</source>
        <translation>Propagation de l&apos;attention</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occultation</translation>
    </message>
    <message>
        <source>A place of the result, or any text</source>
        <translation>Un lieu du résultat, ou n&apos;importe quel texte</translation>
    </message>
    <message>
        <source>Gradient-weighted attention rollout over all layers (Chefer et al. 2021): about three forward passes.</source>
        <translation>Propagation de l&apos;attention pondérée par les gradients sur toutes les couches (Chefer et al. 2021) : environ trois passes avant.</translation>
    </message>
    <message>
        <source>The drop of the label&apos;s probability when each patch shows the mean colour: one forward pass per patch, slow on a CPU.</source>
        <translation>La baisse de la probabilité de l&apos;étiquette quand chaque pavé prend la couleur moyenne : une passe avant par pavé, lent sur un processeur.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The overlay shows which parts of the photo made the model prefer this label over the others it is compared with. It shows where the model looked, not why the place is right: check every clue yourself.</source>
        <translation>La superposition montre quelles parties de la photo ont fait préférer au modèle cette étiquette aux autres comparées. Elle montre où le modèle a regardé, pas pourquoi le lieu est juste : vérifiez vous-même chaque indice.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>country</source>
        <translation>pays</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ville</translation>
    </message>
    <message>
        <source>label</source>
        <translation>étiquette</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message numerus="yes">
        <source>All images (%n with results)</source>
        <translation>
            <numerusform>Toutes les images (%n avec résultat)</numerusform>
            <numerusform>Toutes les images (%n avec résultats)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected images (%n)</source>
        <translation>
            <numerusform>Images sélectionnées (%n)</numerusform>
            <numerusform>Images sélectionnées (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave EXIF GPS out (privacy)</source>
        <translation>Omettre le GPS EXIF (confidentialité)</translation>
    </message>
    <message>
        <source>Writes no camera coordinates, nor anything that reveals them (EXIF country, error in km, accuracy summary).</source>
        <translation>N’écrit aucune coordonnée de l’appareil photo, ni rien qui les révèle (pays EXIF, écart en km, synthèse de précision).</translation>
    </message>
    <message>
        <source>Countries, regions and cities listed per image</source>
        <translation>Pays, régions et villes indiqués par image</translation>
    </message>
    <message>
        <source>Also write the top cities as points</source>
        <translation>Écrire aussi les villes les plus probables sous forme de points</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Images&#xa0;:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Confidentialité&#xa0;:</translation>
    </message>
    <message>
        <source>Top entries:</source>
        <translation>Premières entrées&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Reports show each photo with its map; they state that locations are estimates, not proof.</source>
        <translation>Les rapports montrent chaque photo avec sa carte&#xa0;; ils précisent que les lieux sont des estimations, pas des preuves.</translation>
    </message>
    <message>
        <source>%1 is a folder: add a file name.</source>
        <translation>%1 est un dossier&#xa0;: ajoutez un nom de fichier.</translation>
    </message>
    <message>
        <source>%1 exists and will be replaced.</source>
        <translation>%1 existe déjà et sera remplacé.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tableau CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (complete results)</source>
        <translation>JSON (résultats complets)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>GeoJSON (QGIS and other GIS tools)</source>
        <translation>GeoJSON (QGIS et autres outils SIG)</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson)</source>
        <translation>Fichiers GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>KML (Google Earth)</source>
        <translation>KML (Google Earth)</translation>
    </message>
    <message>
        <source>KML files (*.kml)</source>
        <translation>Fichiers KML (*.kml)</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>Rapport HTML</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>Fichiers HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose another one with Browse….</source>
        <translation>Le dossier %1 n’existe pas&#xa0;: choisissez-en un autre avec Parcourir….</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::GalleryEvidenceView</name>
    <message>
        <source>Gallery photo</source>
        <translation>Photo de la galerie</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Cosine similarity of the two photos&apos; image embeddings (1 = the same picture)</source>
        <translation>Similarité cosinus des embeddings d’image des deux photos (1 = la même image)</translation>
    </message>
    <message>
        <source>Share of this photo in the gallery&apos;s density</source>
        <translation>Part de cette photo dans la densité de la galerie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gallery estimate:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Estimation de la galerie :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fused with the model&apos;s probabilities into the estimate above.</source>
        <translation>Fusionnée avec les probabilités du modèle dans l’estimation ci-dessus.</translation>
    </message>
    <message>
        <source>Shown only: not fused into the estimate (weight 0, or no place lists).</source>
        <translation>Affichée seulement : non fusionnée dans l’estimation (poids 0, ou pas de listes de lieux).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Zero-shot estimate:&lt;/b&gt; %1 (%2), %3 km from the gallery&apos;s</source>
        <translation>&lt;b&gt;Estimation zero-shot :&lt;/b&gt; %1 (%2), à %3 km de celle de la galerie</translation>
    </message>
    <message numerus="yes">
        <source>%n neighbour(s) in %1</source>
        <translation>
            <numerusform>%n voisin dans %1</numerusform>
            <numerusform>%n voisins dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Sim.</source>
        <translation>Sim.</translation>
    </message>
    <message>
        <source>Distance from the gallery estimate, km</source>
        <translation>Distance depuis l’estimation de la galerie, km</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListFilter</name>
    <message>
        <source>All photos</source>
        <translation>Toutes les photos</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Waiting or cancelled</source>
        <translation>En attente ou annulées</translation>
    </message>
    <message>
        <source>Uncertain answers</source>
        <translation>Réponses incertaines</translation>
    </message>
    <message>
        <source>Confirmed by me</source>
        <translation>Confirmées par moi</translation>
    </message>
    <message>
        <source>Rejected by me</source>
        <translation>Rejetées par moi</translation>
    </message>
    <message>
        <source>Marked unsure</source>
        <translation>Marquées incertaines</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Pas encore examinées</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListModel</name>
    <message>
        <source>reading</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Top country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <source>Computed with other settings than the current ones; Analysis &gt; Re-analyse all applies them.</source>
        <translation>Calculé avec d’autres paramètres que les actuels&#xa0;; Analyse &gt; Réanalyser tout les applique.</translation>
    </message>
    <message>
        <source>Ground truth pinned at %1, %2</source>
        <translation>Lieu réel épinglé à %1, %2</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Your class tag for training a classifier (Analysis &gt; Tag as…)</source>
        <translation>Votre étiquette de classe pour entraîner un classifieur (Analyse &gt; Étiqueter comme…)</translation>
    </message>
    <message>
        <source>%1
Top answer and its probability; sorted by the probability of &quot;%2&quot; (right-click to choose another).</source>
        <translation>%1
Réponse la plus probable et sa probabilité ; tri selon la probabilité de « %2 » (clic droit pour en choisir une autre).</translation>
    </message>
    <message>
        <source>Scene %1 (%2)</source>
        <translation>Scène %1 (%2)</translation>
    </message>
    <message>
        <source>Near-duplicate group (Similar tab &gt; Group near-duplicates): photos of one scene</source>
        <translation>Groupe de quasi-doublons (onglet Similaires &gt; Grouper les quasi-doublons) : photos d’une même scène</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
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
            <numerusform>%n image en double ignorée, même contenu déjà dans la liste : %1</numerusform>
            <numerusform>%n images en double ignorées, même contenu déjà dans la liste : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (same as %2)</source>
        <translation>%1 (identique à %2)</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Déposez des photos ou des dossiers ici, ou utilisez Fichier &gt; Ouvrir des images.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop after the image being analysed; finished results are kept.</source>
        <translation>S’arrêter après l’image en cours d’analyse&#xa0;; les résultats terminés sont conservés.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <source>Preparing place labels… %1 / %2</source>
        <translation>Préparation des noms de lieux… %1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source> — waiting for a model</source>
        <translation> — en attente d’un modèle</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <translation>Modèle prêt.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>&amp;Ouvrir des images…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>Ouvrir un &amp;projet…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Everything is saved: results are written to %1 as they finish.</source>
        <translation>Tout est enregistré&#xa0;: les résultats sont écrits dans %1 dès qu’ils sont terminés.</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Paste images</source>
        <translation>&amp;Coller des images</translation>
    </message>
    <message>
        <source>&amp;Remove from project</source>
        <translation>&amp;Retirer du projet</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Re-analyse all with current settings</source>
        <translation>&amp;Réanalyser tout avec les paramètres actuels</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Choose model folder…</source>
        <translation>&amp;Choisir le dossier du modèle…</translation>
    </message>
    <message>
        <source>&amp;Download StreetCLIP…</source>
        <translation>&amp;Télécharger StreetCLIP…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Responsible use</source>
        <translation>&amp;Usage responsable</translation>
    </message>
    <message>
        <source>&amp;About StreetLens</source>
        <translation>À &amp;propos de StreetLens</translation>
    </message>
    <message>
        <source>About StreetLens</source>
        <translation>À propos de StreetLens</translation>
    </message>
    <message>
        <source>StreetLens %1
Where was this street photo taken? Local StreetCLIP geolocation. Estimates, not proof.</source>
        <translation>StreetLens %1
Où cette photo de rue a-t-elle été prise&#xa0;? Géolocalisation locale avec StreetCLIP. Des estimations, pas des preuves.</translation>
    </message>
    <message>
        <source>The clipboard holds no image files.</source>
        <translation>Le presse-papiers ne contient aucun fichier image.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Ouvrir des images</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>StreetLens projects (*.streetlens)</source>
        <translation>Projets StreetLens (*.streetlens)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Choisir le dossier du modèle</translation>
    </message>
    <message>
        <source>Responsible use</source>
        <translation>Usage responsable</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;StreetLens gives an estimate, not proof.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The StreetCLIP model card rules out geolocating people&apos;s private images. Use StreetLens for street-level photos you are entitled to analyse — research, journalism with consent, your own pictures — and never to find where a person lives or is.&lt;/p&gt;&lt;p&gt;Everything runs on this computer; no photo is uploaded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;StreetLens donne une estimation, pas une preuve.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;La fiche du modèle StreetCLIP exclut la géolocalisation des images privées de personnes. Utilisez StreetLens pour des photos de rue que vous avez le droit d’analyser — recherche, journalisme avec consentement, vos propres photos — et jamais pour trouver où une personne habite ou se trouve.&lt;/p&gt;&lt;p&gt;Tout s’exécute sur cet ordinateur&#xa0;; aucune photo n’est envoyée.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Candidate list</source>
        <translation>Liste de candidats</translation>
    </message>
    <message>
        <source>Settings changed. New images use them; Analysis &gt; Re-analyse all updates the others.</source>
        <translation>Paramètres modifiés. Les nouvelles images les utilisent&#xa0;; Analyse &gt; Tout réanalyser met à jour les autres.</translation>
    </message>
    <message>
        <source>Cancelled. Results already finished are kept.</source>
        <translation>Annulé. Les résultats déjà terminés sont conservés.</translation>
    </message>
    <message>
        <source>No project file: %1</source>
        <translation>Aucun fichier de projet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Projet sans titre</translation>
    </message>
    <message>
        <source>%1 — StreetLens</source>
        <translation>%1 — StreetLens</translation>
    </message>
    <message>
        <source>An export is still running; try again when it has finished.</source>
        <translation>Une exportation est encore en cours&#xa0;; réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>Nothing to export: no selected image has a result.</source>
        <translation>Rien à exporter&#xa0;: aucune image sélectionnée n’a de résultat.</translation>
    </message>
    <message>
        <source>Nothing to export yet: no image has a result.</source>
        <translation>Rien à exporter pour l’instant&#xa0;: aucune image n’a de résultat.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s) to %1…</source>
        <translation>
            <numerusform>Exportation de %n image vers %1…</numerusform>
            <numerusform>Exportation de %n images vers %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>%n image exportée vers %1</numerusform>
            <numerusform>%n images exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;CSV table…</source>
        <translation>Tableau &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;GeoJSON (GIS)…</source>
        <translation>&amp;GeoJSON (SIG)…</translation>
    </message>
    <message>
        <source>&amp;KML (Google Earth)…</source>
        <translation>&amp;KML (Google Earth)…</translation>
    </message>
    <message>
        <source>&amp;HTML report…</source>
        <translation>Rapport &amp;HTML…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>Rapport &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Remove photos</source>
        <translation>Retirer des photos</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n analysed photo(s) from the project?</source>
        <translation>
            <numerusform>Retirer %n photo analysée du projet&#xa0;?</numerusform>
            <numerusform>Retirer %n photos analysées du projet&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their results are deleted from the project file. Edit &gt; Undo (%1) brings them back.</source>
        <translation>Leurs résultats sont supprimés du fichier de projet. Édition &gt; Annuler (%1) les rétablit.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed. Edit &gt; Undo brings them back.</source>
        <translation>
            <numerusform>%n photo retirée. Édition &gt; Annuler la rétablit.</numerusform>
            <numerusform>%n photos retirées. Édition &gt; Annuler les rétablit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered the untitled project; File &gt; Save project as… keeps it.</source>
        <translation>Projet sans titre récupéré&#xa0;; Fichier &gt; Enregistrer le projet sous… le conserve.</translation>
    </message>
    <message>
        <source>Batch finished: %1 analysed, %2 failed, %3 cancelled.</source>
        <translation>Lot terminé&#xa0;: %1 analysées, %2 en échec, %3 annulées.</translation>
    </message>
    <message numerus="yes">
        <source> (then %n photo(s))</source>
        <translation>
            <numerusform> (puis %n photo)</numerusform>
            <numerusform> (puis %n photos)</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading the model</source>
        <translation> — chargement du modèle</translation>
    </message>
    <message numerus="yes">
        <source>Settings changed. The %n result(s) shown were computed with the previous ones (grey in the list); Analysis &gt; Re-analyse all applies the new ones.</source>
        <translation>
            <numerusform>Paramètres modifiés. Le %n résultat affiché a été calculé avec les précédents (en gris dans la liste)&#xa0;; Analyse &gt; Réanalyser tout applique les nouveaux.</numerusform>
            <numerusform>Paramètres modifiés. Les %n résultats affichés ont été calculés avec les précédents (en gris dans la liste)&#xa0;; Analyse &gt; Réanalyser tout applique les nouveaux.</numerusform>
        </translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>Carte StreetLens</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-analyse &amp;selected</source>
        <translation>Réanalyser la &amp;sélection</translation>
    </message>
    <message>
        <source>Re-analyse &amp;failed and cancelled</source>
        <translation>Réanalyser les é&amp;checs et les annulées</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Nothing to re-analyse.</source>
        <translation>Rien à réanalyser.</translation>
    </message>
    <message>
        <source>&amp;Evidence: what you know, sites</source>
        <translation>&amp;Indices : ce que vous savez, sites</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Indices</translation>
    </message>
    <message>
        <source>Search name, folder, country, estimate, note…</source>
        <translation>Rechercher nom, dossier, pays, estimation, note…</translation>
    </message>
    <message>
        <source>Click where %1 was really taken</source>
        <translation>Cliquez là où %1 a réellement été prise</translation>
    </message>
    <message numerus="yes">
        <source>Scene tasks changed: answering them again for %n photo(s) from their stored embeddings.</source>
        <translation>
            <numerusform>Tâches de scène modifiées : nouvelles réponses pour %n photo à partir de son embedding enregistré.</numerusform>
            <numerusform>Tâches de scène modifiées : nouvelles réponses pour %n photos à partir de leurs embeddings enregistrés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Shows only the photos whose answer to a scene task has this label (or, with &quot;not …&quot;, any other) above the threshold.</source>
        <translation>N’affiche que les photos dont la réponse à une tâche de scène donne cette étiquette (ou, avec « pas … », toute autre) au-dessus du seuil.</translation>
    </message>
    <message>
        <source>not &quot;%1&quot;</source>
        <translation>pas « %1 »</translation>
    </message>
    <message>
        <source>any scene task</source>
        <translation>toute tâche de scène</translation>
    </message>
    <message>
        <source>Sort %1 by the probability of</source>
        <translation>Trier %1 selon la probabilité de</translation>
    </message>
    <message>
        <source>&amp;Tag selected photos as…</source>
        <translation>É&amp;tiqueter les photos sélectionnées comme…</translation>
    </message>
    <message>
        <source>Clear class ta&amp;g of selected</source>
        <translation>Effacer l’éti&amp;quette de classe des sélectionnées</translation>
    </message>
    <message>
        <source>Train &amp;classifier from tags…</source>
        <translation>Entraîner un &amp;classifieur sur les étiquettes…</translation>
    </message>
    <message>
        <source>Select the photos to tag first.</source>
        <translation>Sélectionnez d’abord les photos à étiqueter.</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Étiqueter comme</translation>
    </message>
    <message numerus="yes">
        <source>Your class for the %n selected photo(s) (e.g. damaged, intact):</source>
        <translation>
            <numerusform>Votre classe pour la %n photo sélectionnée (p. ex. endommagé, intact) :</numerusform>
            <numerusform>Votre classe pour les %n photos sélectionnées (p. ex. endommagé, intact) :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Class tag cleared from %n photo(s).</source>
        <translation>
            <numerusform>Étiquette de classe retirée de %n photo.</numerusform>
            <numerusform>Étiquette de classe retirée de %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) tagged as &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n photo étiquetée « %1 ».</numerusform>
            <numerusform>%n photos étiquetées « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Train classifier</source>
        <translation>Entraîner un classifieur</translation>
    </message>
    <message>
        <source>Tag photos with at least two classes first, a few photos each: select photos, then Analysis &gt; Tag selected photos as…</source>
        <translation>Étiquetez d’abord des photos avec au moins deux classes, quelques photos chacune : sélectionnez des photos, puis Analyse &gt; Étiqueter les photos sélectionnées comme…</translation>
    </message>
    <message>
        <source>Which of my classes: %1?</source>
        <translation>Laquelle de mes classes : %1 ?</translation>
    </message>
    <message numerus="yes">
        <source>Training a classifier on %n tagged photo(s)…</source>
        <translation>
            <numerusform>Entraînement d’un classifieur sur %n photo étiquetée…</numerusform>
            <numerusform>Entraînement d’un classifieur sur %n photos étiquetées…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) have no stored embedding of this model: analyse them first.</source>
        <translation>
            <numerusform>%n photo étiquetée n’a pas d’embedding enregistré de ce modèle : analysez-la d’abord.</numerusform>
            <numerusform>%n photos étiquetées n’ont pas d’embedding enregistré de ce modèle : analysez-les d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scene tasks not found, left out: %1</source>
        <translation>Tâches de scène introuvables, laissées de côté : %1</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>%1 for “%2”…</source>
        <translation>%1 pour « %2 »…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>%1 for “%2” (p = %3 % against the labels compared).</source>
        <translation>%1 pour « %2 » (p = %3 % face aux étiquettes comparées).</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Similaires</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galerie de référence</translation>
    </message>
    <message>
        <source>Distinct scenes</source>
        <translation>Scènes distinctes</translation>
    </message>
    <message>
        <source>Collapse to distinct scenes: one photo per near-duplicate group (the photos are grouped when this is switched on)</source>
        <translation>Réduire aux scènes distinctes : une photo par groupe de quasi-doublons (les photos sont groupées à l’activation)</translation>
    </message>
    <message>
        <source>No photo analysed yet: nothing to group.</source>
        <translation>Aucune photo analysée : rien à grouper.</translation>
    </message>
    <message>
        <source>Grouping near-duplicates…</source>
        <translation>Regroupement des quasi-doublons…</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapExportDialog</name>
    <message>
        <source>Save map as PNG</source>
        <translation>Enregistrer la carte en PNG</translation>
    </message>
    <message>
        <source>%1× — %2 × %3 pixels</source>
        <translation>%1× — %2 × %3 pixels</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Résolution&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>The image shows the area of the map as it is now, with the legend and the scale, under the title.</source>
        <translation>L’image montre la zone de la carte telle qu’elle est, avec la légende et l’échelle, sous le titre.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>Impossible d’écrire l’image de la carte %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapMarkers</name>
    <message>
        <source>EXIF GPS position</source>
        <translation>Position GPS EXIF</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <source>Probability: %1</source>
        <translation>Probabilité&#xa0;: %1</translation>
    </message>
    <message>
        <source>Distance estimate to EXIF: %1 km</source>
        <translation>Distance entre l’estimation et l’EXIF&#xa0;: %1&#xa0;km</translation>
    </message>
    <message>
        <source>Ground truth (your pin)</source>
        <translation>Lieu réel (votre épingle)</translation>
    </message>
    <message>
        <source>Distance estimate to your pin: %1 km</source>
        <translation>Distance de l&apos;estimation à votre épingle&#xa0;: %1&#xa0;km</translation>
    </message>
    <message>
        <source>Gallery photo: similarity %1, %2 km</source>
        <translation>Photo de la galerie : similarité %1, %2 km</translation>
    </message>
    <message>
        <source>Gallery estimate</source>
        <translation>Estimation de la galerie</translation>
    </message>
    <message>
        <source>Where the most similar gallery photos are</source>
        <translation>Là où se trouvent les photos de galerie les plus similaires</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapOverlay</name>
    <message>
        <source>Estimate</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <source>%1 %2 · estimate</source>
        <translation>%1 %2 · estimation</translation>
    </message>
    <message>
        <source>EXIF GPS</source>
        <translation>GPS EXIF</translation>
    </message>
    <message>
        <source>Probability per 10,000 km²</source>
        <translation>Probabilité pour 10&#xa0;000 km²</translation>
    </message>
    <message>
        <source>logarithmic scale · %1</source>
        <translation>échelle logarithmique · %1</translation>
    </message>
    <message>
        <source>Country probability</source>
        <translation>Probabilité par pays</translation>
    </message>
    <message>
        <source>EXIF GPS · %1 photos</source>
        <translation>GPS EXIF · %1 photos</translation>
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
        <translation>Aucun fond de carte chargé</translation>
    </message>
    <message>
        <source>%1
Probability: %2</source>
        <translation>%1
Probabilité&#xa0;: %2</translation>
    </message>
    <message>
        <source>Online tiles unavailable (offline) — showing the built-in map</source>
        <translation>Tuiles en ligne indisponibles (hors ligne) — affichage de la carte intégrée</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>Impossible d’écrire l’image de la carte %1</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom arrière (−)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the map to the results (F)</source>
        <translation>Ajuster la carte aux résultats (F)</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Monde</translation>
    </message>
    <message>
        <source>Show the whole world (Home)</source>
        <translation>Afficher le monde entier (Début)</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Save the map as a PNG image</source>
        <translation>Enregistrer la carte comme image PNG</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Calques</translation>
    </message>
    <message>
        <source>Probability heatmap</source>
        <translation>Carte de chaleur des probabilités</translation>
    </message>
    <message>
        <source>Country shading</source>
        <translation>Coloration des pays</translation>
    </message>
    <message>
        <source>Markers and EXIF line</source>
        <translation>Marqueurs et ligne EXIF</translation>
    </message>
    <message>
        <source>Country borders</source>
        <translation>Frontières</translation>
    </message>
    <message>
        <source>Country names</source>
        <translation>Noms des pays</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Graticule</translation>
    </message>
    <message>
        <source>Legend and scale</source>
        <translation>Légende et échelle</translation>
    </message>
    <message>
        <source>Online tiles</source>
        <translation>Tuiles en ligne</translation>
    </message>
    <message>
        <source>One marker per image</source>
        <translation>Un marqueur par image</translation>
    </message>
    <message>
        <source>Several images: one marker each instead of the combined heatmap</source>
        <translation>Plusieurs images&#xa0;: un marqueur chacune au lieu de la carte de chaleur combinée</translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>Carte StreetLens</translation>
    </message>
    <message>
        <source>StreetLens · %1 · locations are estimates, not proof</source>
        <translation>StreetLens · %1 · les lieux sont des estimations, pas des preuves</translation>
    </message>
    <message>
        <source>Confidence regions</source>
        <translation>Régions de confiance</translation>
    </message>
    <message>
        <source>Constraint areas</source>
        <translation>Zones de la contrainte</translation>
    </message>
    <message>
        <source>Usual colours</source>
        <translation>Couleurs habituelles</translation>
    </message>
    <message>
        <source>Top answer</source>
        <translation>Réponse la plus probable</translation>
    </message>
    <message>
        <source>Probability of &quot;%1&quot;</source>
        <translation>Probabilité de « %1 »</translation>
    </message>
    <message>
        <source>Colour photos by</source>
        <translation>Colorer les photos selon</translation>
    </message>
    <message>
        <source>Colour each photo&apos;s marker by its answer to a scene task</source>
        <translation>Colorer le marqueur de chaque photo selon sa réponse à une tâche de scène</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ModelSetupPanel</name>
    <message>
        <source>&lt;h2&gt;No model loaded yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Aucun modèle chargé pour l’instant&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>StreetLens geolocates photos with &lt;b&gt;StreetCLIP&lt;/b&gt;, a 1.7 GB model that runs on this computer; your photos are never uploaded. You can still add photos now; they are analysed as soon as a model is loaded.</source>
        <translation>StreetLens géolocalise les photos avec &lt;b&gt;StreetCLIP&lt;/b&gt;, un modèle de 1,7&#xa0;Go qui s’exécute sur cet ordinateur&#xa0;; vos photos ne sont jamais envoyées. Vous pouvez déjà ajouter des photos&#xa0;; elles seront analysées dès qu’un modèle sera chargé.</translation>
    </message>
    <message>
        <source>Choose model folder…</source>
        <translation>Choisir le dossier du modèle…</translation>
    </message>
    <message>
        <source>A folder with config.json, vocab.json, merges.txt and model.safetensors (or a Hugging Face cache folder).</source>
        <translation>Un dossier contenant config.json, vocab.json, merges.txt et model.safetensors (ou un dossier du cache Hugging Face).</translation>
    </message>
    <message>
        <source>Use found model</source>
        <translation>Utiliser le modèle trouvé</translation>
    </message>
    <message>
        <source>Looking in the Hugging Face cache…</source>
        <translation>Recherche dans le cache Hugging Face…</translation>
    </message>
    <message>
        <source>Download StreetCLIP…</source>
        <translation>Télécharger StreetCLIP…</translation>
    </message>
    <message>
        <source>From Hugging Face (geolocal/StreetCLIP, licence CC BY-NC 4.0; about 1.7 GB).</source>
        <translation>Depuis Hugging Face (geolocal/StreetCLIP, licence CC BY-NC 4.0&#xa0;; environ 1,7&#xa0;Go).</translation>
    </message>
    <message>
        <source>No CLIP model found in the Hugging Face cache.</source>
        <translation>Aucun modèle CLIP trouvé dans le cache Hugging Face.</translation>
    </message>
    <message>
        <source>Found in the Hugging Face cache.</source>
        <translation>Trouvé dans le cache Hugging Face.</translation>
    </message>
    <message>
        <source>This build of StreetLens was made without the inference engine (LibTorch), so it cannot analyse photos; it can still open projects and show their results.</source>
        <translation>Cette version de StreetLens a été compilée sans moteur d’inférence (LibTorch)&#xa0;; elle ne peut donc pas analyser de photos, mais elle peut ouvrir des projets et afficher leurs résultats.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoSearchBox</name>
    <message>
        <source>&lt;b&gt;Search with a photo:&lt;/b&gt; drop a photo file here to find the most similar photos in this project and the case folder.</source>
        <translation>&lt;b&gt;Chercher avec une photo :&lt;/b&gt; déposez ici un fichier photo pour trouver les photos les plus similaires dans ce projet et le dossier d’affaire.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose a photo to search with</source>
        <translation>Choisir une photo pour chercher</translation>
    </message>
    <message>
        <source>Search with a photo</source>
        <translation>Chercher avec une photo</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoView</name>
    <message>
        <source>The photo could not be read.</source>
        <translation>La photo n’a pas pu être lue.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PointPickOverlay</name>
    <message>
        <source>Esc cancels</source>
        <translation>Échap annule</translation>
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
        <translation>Classifieur entraîné</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cross-validated accuracy: %1&lt;/b&gt; (chance: %2)&lt;/p&gt;&lt;p&gt;%3 photos in %4 classes, %5-fold cross-validation: each photo was classified by a classifier trained without it. Accuracy near the chance level means the classes are not told apart from these photos; tag more, or more distinct, photos.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Exactitude en validation croisée : %1&lt;/b&gt; (hasard : %2)&lt;/p&gt;&lt;p&gt;%3 photos en %4 classes, validation croisée en %5 blocs : chaque photo a été classée par un classifieur entraîné sans elle. Une exactitude proche du hasard signifie que ces photos ne permettent pas de distinguer les classes ; étiquetez davantage de photos, ou des photos plus distinctes.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) left out: not analysed with this model yet.</source>
        <translation>
            <numerusform>%n photo étiquetée laissée de côté : pas encore analysée avec ce modèle.</numerusform>
            <numerusform>%n photos étiquetées laissées de côté : pas encore analysées avec ce modèle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confusion matrix (rows: your class; columns: the classifier&apos;s answer):</source>
        <translation>Matrice de confusion (lignes : votre classe ; colonnes : la réponse du classifieur) :</translation>
    </message>
    <message>
        <source>Task name:</source>
        <translation>Nom de la tâche :</translation>
    </message>
    <message>
        <source>e.g. Is the building damaged?</source>
        <translation>p. ex. Le bâtiment est-il endommagé ?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question :</translation>
    </message>
    <message>
        <source>Save as task</source>
        <translation>Enregistrer comme tâche</translation>
    </message>
    <message>
        <source>This classifier</source>
        <translation>Ce classifieur</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ProjectSession</name>
    <message>
        <source>%1 is open in another StreetLens window (process %2 on %3). Close it there first: two windows on one project would overwrite each other&apos;s work.</source>
        <translation>%1 est ouvert dans une autre fenêtre de StreetLens (processus %2 sur %3). Fermez-le d’abord là-bas&#xa0;: deux fenêtres sur un même projet écraseraient le travail l’une de l’autre.</translation>
    </message>
    <message>
        <source>%1 cannot be locked for this window (no lock file can be written next to it).</source>
        <translation>%1 ne peut pas être verrouillé pour cette fenêtre (aucun fichier de verrou ne peut être écrit à côté).</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::RemoveImagesCommand</name>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Retirer %n photo</numerusform>
            <numerusform>Retirer %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ResultsPanel</name>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Villes</translation>
    </message>
    <message>
        <source>&lt;small&gt;An estimate, not proof. Not for locating people from their private photos.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Une estimation, pas une preuve. Ne pas utiliser pour localiser des personnes à partir de leurs photos privées.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Aucune image sélectionnée</translation>
    </message>
    <message>
        <source>Drop photos or folders on the window, or use File &gt; Open.</source>
        <translation>Déposez des photos ou des dossiers sur la fenêtre, ou utilisez Fichier &gt; Ouvrir.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images selected; the map shows them combined.</source>
        <translation>
            <numerusform>%n image sélectionnée&#xa0;; la carte l’affiche.</numerusform>
            <numerusform>%n images sélectionnées&#xa0;; la carte les affiche ensemble.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Estimation&#xa0;:&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; none</source>
        <translation>&lt;b&gt;Estimation&#xa0;:&lt;/b&gt; aucune</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;GPS EXIF&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Error:&lt;/b&gt; %1 km</source>
        <translation>&lt;br&gt;&lt;b&gt;Écart&#xa0;:&lt;/b&gt; %1&#xa0;km</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; none in this photo</source>
        <translation>&lt;b&gt;GPS EXIF&#xa0;:&lt;/b&gt; aucune dans cette photo</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidats</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Your assessment</source>
        <translation>Votre évaluation</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>Answers of the scene tasks chosen in Settings &gt; Scene tasks, from the same image embedding (zero-shot or your trained classifiers).</source>
        <translation>Réponses des tâches de scène choisies dans Paramètres &gt; Tâches de scène, à partir du même embedding d’image (zero-shot ou vos classifieurs entraînés).</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>Indices</translation>
    </message>
    <message>
        <source>What the model reads in the photo for each clue question; check each clue in the photo yourself.</source>
        <translation>Ce que le modèle lit dans la photo pour chaque question d’indice ; vérifiez vous-même chaque indice dans la photo.</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galerie de référence</translation>
    </message>
    <message>
        <source>The most similar photos of the reference gallery chosen in Settings and the place they point to.</source>
        <translation>Les photos les plus similaires de la galerie de référence choisie dans les paramètres et le lieu qu’elles indiquent.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SceneTasksPage</name>
    <message>
        <source>Questions answered for every photo from the image embedding the geolocation already computed (no second pass). Checked tasks get a list column, a filter, a map colouring and a section in the results.</source>
        <translation>Questions auxquelles chaque photo répond à partir de l’embedding d’image déjà calculé pour la géolocalisation (pas de second passage). Les tâches cochées ont une colonne dans la liste, un filtre, une coloration de la carte et une section dans les résultats.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Clue readings (driving side, script on signs, road lines, climate, …)</source>
        <translation>Lecture d’indices (côté de conduite, écriture des panneaux, lignes de la route, climat, …)</translation>
    </message>
    <message>
        <source>Import scene task</source>
        <translation>Importer une tâche de scène</translation>
    </message>
    <message>
        <source>Task files (*.json)</source>
        <translation>Fichiers de tâche (*.json)</translation>
    </message>
    <message>
        <source>[classifier]</source>
        <translation>[classifieur]</translation>
    </message>
    <message>
        <source>[yours]</source>
        <translation>[la vôtre]</translation>
    </message>
    <message>
        <source>Imported %1 as your task &quot;%2&quot;.</source>
        <translation>%1 importé comme votre tâche « %2 ».</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Export scene task</source>
        <translation>Exporter une tâche de scène</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>Delete scene task</source>
        <translation>Supprimer la tâche de scène</translation>
    </message>
    <message>
        <source>Delete your task &quot;%1&quot;? Results already computed keep its answers.</source>
        <translation>Supprimer votre tâche « %1 » ? Les résultats déjà calculés gardent ses réponses.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SelectionPresenter</name>
    <message>
        <source>File missing: %1 is no longer on disk; this is the copy stored in the project.</source>
        <translation>Fichier manquant&#xa0;: %1 n’est plus sur le disque&#xa0;; voici la copie enregistrée dans le projet.</translation>
    </message>
    <message>
        <source>Select a photo in the list to see it here.</source>
        <translation>Sélectionnez une photo dans la liste pour l’afficher ici.</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Déposez des photos ou des dossiers ici, ou utilisez Fichier &gt; Ouvrir des images.</translation>
    </message>
    <message>
        <source>File missing on disk.</source>
        <translation>Fichier absent du disque.</translation>
    </message>
    <message>
        <source>Computed with other settings or another model than the current ones: use Analysis &gt; Re-analyse to apply them.</source>
        <translation>Calculé avec d’autres paramètres ou un autre modèle que les actuels&#xa0;: utilisez Analyse &gt; Réanalyser pour les appliquer.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Being analysed…</source>
        <translation>Analyse en cours…</translation>
    </message>
    <message>
        <source>Cancelled. Use Analysis &gt; Re-analyse to run it.</source>
        <translation>Annulé. Utilisez Analyse &gt; Réanalyser pour la relancer.</translation>
    </message>
    <message>
        <source>Waiting in the queue.</source>
        <translation>En attente dans la file.</translation>
    </message>
    <message>
        <source>Waiting for a model to be loaded.</source>
        <translation>En attente du chargement d’un modèle.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Prise le&#xa0;:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Appareil&#xa0;:</translation>
    </message>
    <message>
        <source>, %1 m</source>
        <translation>, %1 m</translation>
    </message>
    <message>
        <source>EXIF GPS:</source>
        <translation>GPS EXIF&#xa0;:</translation>
    </message>
    <message>
        <source>Analysed:</source>
        <translation>Analysée&#xa0;:</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SettingsDialog</name>
    <message>
        <source>StreetLens settings</source>
        <translation>Paramètres de StreetLens</translation>
    </message>
    <message>
        <source>Folder with config.json, vocab.json, merges.txt and the weights</source>
        <translation>Dossier contenant config.json, vocab.json, merges.txt et les poids</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Dossier du modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Précision&#xa0;:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Taille de lot&#xa0;:</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>Télécharger depuis&#xa0;:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Hierarchical (country, then regions and cities)</source>
        <translation>Hiérarchique (pays, puis régions et villes)</translation>
    </message>
    <message>
        <source>Flat (every place at once)</source>
        <translation>À plat (tous les lieux à la fois)</translation>
    </message>
    <message>
        <source>Expected location (probability-weighted)</source>
        <translation>Position attendue (pondérée par les probabilités)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Places shown per level (top-k):</source>
        <translation>Lieux affichés par niveau (top-k)&#xa0;:</translation>
    </message>
    <message>
        <source>Country prompts:</source>
        <translation>Invites pour les pays&#xa0;:</translation>
    </message>
    <message>
        <source>Region prompts:</source>
        <translation>Invites pour les régions&#xa0;:</translation>
    </message>
    <message>
        <source>City prompts:</source>
        <translation>Invites pour les villes&#xa0;:</translation>
    </message>
    <message>
        <source>Optional CSV of your own candidate places</source>
        <translation>CSV facultatif de vos propres lieux candidats</translation>
    </message>
    <message>
        <source>Candidate list:</source>
        <translation>Liste de candidats&#xa0;:</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface :</translation>
    </message>
    <message>
        <source>Scene tasks</source>
        <translation>Tâches de scène</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galerie de référence</translation>
    </message>
    <message>
        <source>Photos of known places (an index made with streetlens-cli index): each result gets its most similar gallery photos and the place they point to, fused with the model&apos;s estimate. Changing the gallery makes earlier results stale.</source>
        <translation>Photos de lieux connus (un index créé avec streetlens-cli index) : chaque résultat reçoit ses photos de galerie les plus similaires et le lieu qu’elles indiquent, fusionné avec l’estimation du modèle. Changer de galerie rend les résultats antérieurs périmés.</translation>
    </message>
    <message>
        <source>No gallery</source>
        <translation>Aucune galerie</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>StreetLens indexes (*.slidx);;All files (*)</source>
        <translation>Index StreetLens (*.slidx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Gallery index:</source>
        <translation>Index de la galerie :</translation>
    </message>
    <message>
        <source>Gallery photos compared with each photo (the most similar ones).</source>
        <translation>Photos de la galerie comparées à chaque photo (les plus similaires).</translation>
    </message>
    <message>
        <source>Neighbours (k):</source>
        <translation>Voisins (k) :</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>How far each gallery photo&apos;s evidence reaches (kernel bandwidth h).</source>
        <translation>Portée de l’indice de chaque photo de la galerie (largeur de noyau h).</translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation>Largeur de bande :</translation>
    </message>
    <message>
        <source>Softmax temperature of the similarities: smaller trusts the most similar photos more.</source>
        <translation>Température softmax des similarités : plus petite, elle fait davantage confiance aux photos les plus similaires.</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Température :</translation>
    </message>
    <message>
        <source>Weight of the gallery in the fused estimate (β); 0 shows the gallery without fusing.</source>
        <translation>Poids de la galerie dans l’estimation fusionnée (β) ; 0 affiche la galerie sans fusion.</translation>
    </message>
    <message>
        <source>Weight (β):</source>
        <translation>Poids (β) :</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ShadowMeasureCanvas</name>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>shadow</source>
        <translation>ombre</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to its top</source>
        <translation>Faites glisser du pied de l&apos;objet à son sommet</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to the tip of its shadow</source>
        <translation>Faites glisser du pied de l&apos;objet à l&apos;extrémité de son ombre</translation>
    </message>
    <message>
        <source>Shadow / height = %1 (drag again to start over)</source>
        <translation>Ombre / hauteur = %1 (faites glisser à nouveau pour recommencer)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SimilarPhotosPanel</name>
    <message>
        <source>Photos most like the one shown, in this project and the case folder, by the similarity of their image embeddings (1 = the same picture).</source>
        <translation>Les photos les plus proches de celle affichée, dans ce projet et le dossier de l’affaire, selon la similarité de leurs plongements d’image (1 = la même image).</translation>
    </message>
    <message>
        <source>Case folder…</source>
        <translation>Dossier de l’affaire…</translation>
    </message>
    <message>
        <source>Also search every StreetLens project in a folder</source>
        <translation>Chercher aussi dans chaque projet StreetLens d’un dossier</translation>
    </message>
    <message>
        <source>Group near-duplicates</source>
        <translation>Regrouper les quasi-doublons</translation>
    </message>
    <message>
        <source>Photos of this project with a similarity of at least 0.95, or identical files, grouped into scenes</source>
        <translation>Les photos de ce projet d’une similarité d’au moins 0,95, ou les fichiers identiques, regroupées en scènes</translation>
    </message>
    <message>
        <source>Make a site</source>
        <translation>En faire un site</translation>
    </message>
    <message>
        <source>Turn the chosen group into a site on the Evidence tab</source>
        <translation>Faire du groupe choisi un site dans l’onglet Indices</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Scène %1</translation>
    </message>
    <message numerus="yes">
        <source>Scene %1: %n photo(s)</source>
        <translation>
            <numerusform>Scène %1 : %n photo</numerusform>
            <numerusform>Scène %1 : %n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 analysed photos, %2 with a near-duplicate in %3 group(s).</source>
        <translation>%1 photos analysées, %2 avec un quasi-doublon dans %3 groupe(s).</translation>
    </message>
    <message>
        <source>No photo shown.</source>
        <translation>Aucune photo affichée.</translation>
    </message>
    <message>
        <source>The photo has not been analysed yet.</source>
        <translation>La photo n’a pas encore été analysée.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No case folder: this project only.</source>
        <translation>Pas de dossier d’affaire : ce projet seulement.</translation>
    </message>
    <message>
        <source>Case folder: %1</source>
        <translation>Dossier de l’affaire : %1</translation>
    </message>
    <message>
        <source>Case folder</source>
        <translation>Dossier de l’affaire</translation>
    </message>
    <message>
        <source>No other analysed photo to compare with.</source>
        <translation>Aucune autre photo analysée à comparer.</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s), most similar first.</source>
        <translation>
            <numerusform>%n photo similaire, la plus proche d’abord.</numerusform>
            <numerusform>%n photos similaires, les plus proches d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — similarity %2</source>
        <translation>%1 — similarité %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>Embedding %1…</source>
        <translation>Embedding de %1…</translation>
    </message>
    <message>
        <source>%1: no embedding</source>
        <translation>%1 : aucun embedding</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Pas de recherche : %1</translation>
    </message>
    <message>
        <source>No analysed photo to compare %1 with.</source>
        <translation>Aucune photo analysée à comparer avec %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) most like %1, most similar first.</source>
        <translation>
            <numerusform>%n photo la plus semblable à %1, la plus similaire d’abord.</numerusform>
            <numerusform>%n photos les plus semblables à %1, la plus similaire d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched with %1</source>
        <translation>Recherche faite avec %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SunShadowPanel</name>
    <message>
        <source>Sun &amp;&amp; shadow</source>
        <translation>Soleil et ombre</translation>
    </message>
    <message>
        <source>e.g. 2024-06-21T11:30:00+02:00</source>
        <translation>p. ex. 2024-06-21T11:30:00+02:00</translation>
    </message>
    <message>
        <source>When the photo was taken, with its time zone (Z for UTC, or an offset such as +02:00)</source>
        <translation>Quand la photo a été prise, avec son fuseau horaire (Z pour UTC, ou un décalage comme +02:00)</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <source>Shadow / height</source>
        <translation>Ombre / hauteur</translation>
    </message>
    <message>
        <source>Sun elevation</source>
        <translation>Hauteur du soleil</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesuré</translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation>Mesurer sur la photo…</translation>
    </message>
    <message>
        <source>Draw the object and its shadow on the photo</source>
        <translation>Tracez l&apos;objet et son ombre sur la photo</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>How far the sun&apos;s elevation may be from the measured one</source>
        <translation>De combien la hauteur du soleil peut s&apos;écarter de celle mesurée</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Shadow points to</source>
        <translation>L&apos;ombre pointe vers</translation>
    </message>
    <message>
        <source>Only when north is known in the photo</source>
        <translation>Seulement si le nord est connu sur la photo</translation>
    </message>
    <message>
        <source>° from north</source>
        <translation>° depuis le nord</translation>
    </message>
    <message>
        <source>Show band</source>
        <translation>Afficher la bande</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>Retirer la bande</translation>
    </message>
    <message>
        <source>Shadow length divided by the object&apos;s height, on flat ground</source>
        <translation>Longueur de l&apos;ombre divisée par la hauteur de l&apos;objet, sur sol plat</translation>
    </message>
    <message>
        <source>The sun&apos;s elevation above the horizon</source>
        <translation>La hauteur du soleil au-dessus de l&apos;horizon</translation>
    </message>
    <message>
        <source>Enter the moment with its time zone.</source>
        <translation>Saisissez le moment avec son fuseau horaire.</translation>
    </message>
    <message>
        <source>From the photo: %1. Check it, or type another.</source>
        <translation>D&apos;après la photo : %1. Vérifiez-le ou saisissez-en un autre.</translation>
    </message>
    <message>
        <source>The photo says %1 but not its time zone: enter the time with its zone.</source>
        <translation>La photo indique %1 mais pas son fuseau horaire : saisissez l&apos;heure avec son fuseau.</translation>
    </message>
    <message>
        <source>The photo has no capture time: enter it with its time zone.</source>
        <translation>La photo n&apos;a pas d&apos;heure de prise de vue : saisissez-la avec son fuseau horaire.</translation>
    </message>
    <message>
        <source>Enter when the photo was taken, with its time zone (e.g. 2024-06-21T11:30:00+02:00).</source>
        <translation>Indiquez quand la photo a été prise, avec son fuseau horaire (p. ex. 2024-06-21T11:30:00+02:00).</translation>
    </message>
    <message>
        <source>On the map: %1</source>
        <translation>Sur la carte : %1</translation>
    </message>
    <message>
        <source>Measure the shadow</source>
        <translation>Mesurer l&apos;ombre</translation>
    </message>
    <message>
        <source>Drag from the foot of a vertical object to its top, then from its foot to the tip of its shadow. Flat, level ground; the photo&apos;s perspective shortens lengths that point away from the camera.</source>
        <translation>Faites glisser du pied d&apos;un objet vertical à son sommet, puis de son pied à l&apos;extrémité de son ombre. Sol plat et horizontal ; la perspective de la photo raccourcit les longueurs qui s&apos;éloignent de l&apos;appareil.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskColoring</name>
    <message>
        <source>%1: probability of &quot;%2&quot;</source>
        <translation>%1 : probabilité de « %2 »</translation>
    </message>
    <message>
        <source>%1: top answer</source>
        <translation>%1 : réponse la plus probable</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskEditorDialog</name>
    <message>
        <source>Edit scene task</source>
        <translation>Modifier la tâche de scène</translation>
    </message>
    <message>
        <source>New scene task</source>
        <translation>Nouvelle tâche de scène</translation>
    </message>
    <message>
        <source>e.g. flood-damage (lower-case words joined by -)</source>
        <translation>p. ex. flood-damage (mots en minuscules reliés par -)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>e.g. Is the street flooded?</source>
        <translation>p. ex. La rue est-elle inondée ?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question :</translation>
    </message>
    <message>
        <source>One answer per line, at least two:
a flooded street
a dry street</source>
        <translation>Une réponse par ligne, au moins deux :
a flooded street
a dry street</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>One prompt per line, each with {} where the label goes (averaged):
a street view photo of {}.
none: the labels are the prompts</source>
        <translation>Un prompt par ligne, chacun avec {} à la place de l’étiquette (moyennés) :
a street view photo of {}.
aucun : les étiquettes sont les prompts</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>Modèles :</translation>
    </message>
    <message>
        <source>StreetCLIP compares the photo with each label&apos;s prompts; the answers&apos; probabilities add up to 100 %. Describe what is visible, as a caption would.</source>
        <translation>StreetCLIP compare la photo aux prompts de chaque étiquette ; les probabilités des réponses totalisent 100 %. Décrivez ce qui est visible, comme le ferait une légende.</translation>
    </message>
    <message>
        <source>This task</source>
        <translation>Cette tâche</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UntitledWork</name>
    <message>
        <source>Unsaved project</source>
        <translation>Projet non enregistré</translation>
    </message>
    <message numerus="yes">
        <source>This untitled project has %n photo(s) and is not saved under a name.</source>
        <translation>
            <numerusform>Ce projet sans titre contient %n photo et n’est pas enregistré sous un nom.</numerusform>
            <numerusform>Ce projet sans titre contient %n photos et n’est pas enregistré sous un nom.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save it to keep the photos and their results, or discard it.</source>
        <translation>Enregistrez-le pour garder les photos et leurs résultats, ou abandonnez-le.</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message numerus="yes">
        <source>An untitled project with %n photo(s), last changed %1, was not saved when StreetLens ended.</source>
        <translation>
            <numerusform>Un projet sans titre de %n photo, modifié le %1, n’a pas été enregistré à la fermeture de StreetLens.</numerusform>
            <numerusform>Un projet sans titre de %n photos, modifié le %1, n’a pas été enregistré à la fermeture de StreetLens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover it to go on with it (File &gt; Save project as… keeps it under a name), or discard it.</source>
        <translation>Récupérez-le pour continuer (Fichier &gt; Enregistrer le projet sous… le garde sous un nom), ou abandonnez-le.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UserGuideDialog</name>
    <message>
        <source>The user guide is not part of this build.</source>
        <translation>Le guide de l’utilisateur ne fait pas partie de cette version.</translation>
    </message>
    <message>
        <source>StreetLens user guide</source>
        <translation>Guide de l’utilisateur de StreetLens</translation>
    </message>
</context>
</TS>
