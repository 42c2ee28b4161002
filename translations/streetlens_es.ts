<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>QObject</name>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>quedan unos %1 h %2 min</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>quedan unos %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>quedan unos %1 s</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Candidate lists (*.csv *.txt);;All files (*)</source>
        <translation>Listas de candidatos (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Trained classifier: %1 photos, cross-validated accuracy %2 %</source>
        <translation>Clasificador entrenado: %1 fotos, precisión con validación cruzada %2 %</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnalysisWorker</name>
    <message>
        <source>The built-in gazetteer could not be loaded: %1</source>
        <translation>No se pudo cargar el nomenclátor integrado: %1</translation>
    </message>
    <message>
        <source>This build of StreetLens has no inference engine.</source>
        <translation>Esta versión de StreetLens no tiene motor de inferencia.</translation>
    </message>
    <message>
        <source>No model folder is set.</source>
        <translation>No se ha definido ninguna carpeta de modelo.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>The built-in gazetteer is not loaded.</source>
        <translation>El nomenclátor integrado no está cargado.</translation>
    </message>
    <message>
        <source>Preparing the place labels failed: %1</source>
        <translation>No se pudieron preparar los nombres de lugares: %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>No hay ningún proyecto abierto.</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 no se puede reemplazar.</translation>
    </message>
    <message>
        <source>No model is known for this project: analyse the photos first.</source>
        <translation>No se conoce ningún modelo para este proyecto: analice primero las fotos.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <source>The reference gallery %1 is not used: %2</source>
        <translation>La galería de referencia %1 no se usa: %2</translation>
    </message>
    <message>
        <source>%1: no model is loaded to compare it with.</source>
        <translation>%1: no hay ningún modelo cargado para compararla.</translation>
    </message>
    <message>
        <source>%1: no scratch project: %2</source>
        <translation>%1: no hay proyecto temporal: %2</translation>
    </message>
    <message>
        <source>%1: could not be analysed.</source>
        <translation>%1: no se pudo analizar.</translation>
    </message>
    <message>
        <source>%1: the model gave no embedding.</source>
        <translation>%1: el modelo no dio ningún embedding.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AnnotationPanel</name>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Dudosa</translation>
    </message>
    <message>
        <source>Your verdict on the model&apos;s answer for this photo (kept in the project and written to every export).</source>
        <translation>Su veredicto sobre la respuesta del modelo para esta foto (se guarda en el proyecto y se escribe en cada exportación).</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Your note on this photo: what you checked, sources…</source>
        <translation>Su nota sobre esta foto: qué comprobó, fuentes…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>lat, lon</source>
        <translation>lat, lon</translation>
    </message>
    <message>
        <source>Where the photo was really taken, in decimal degrees (latitude, longitude).</source>
        <translation>Dónde se tomó realmente la foto, en grados decimales (latitud, longitud).</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Pin on map</source>
        <translation>Marcar en el mapa</translation>
    </message>
    <message>
        <source>Click where the photo was really taken on the map.</source>
        <translation>Haga clic en el mapa donde se tomó realmente la foto.</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>Quitar marca</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; &quot;%1&quot; is not a latitude and longitude in decimal degrees (e.g. 48.8566, 2.3522).</source>
        <translation>&lt;b&gt;Ubicación real:&lt;/b&gt; «%1» no es una latitud y longitud en grados decimales (p.&#xa0;ej. 48.8566, 2.3522).</translation>
    </message>
    <message>
        <source>Select a photo to give your verdict and note.</source>
        <translation>Seleccione una foto para dar su veredicto y su nota.</translation>
    </message>
    <message>
        <source>Your assessment of %1</source>
        <translation>Su valoración de %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; none — pin it on the map or type it below when you know where the photo was taken.</source>
        <translation>&lt;b&gt;Ubicación real:&lt;/b&gt; ninguna — márquela en el mapa o escríbala abajo si sabe dónde se tomó la foto.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ground truth:&lt;/b&gt; %1, %2</source>
        <translation>&lt;b&gt;Ubicación real:&lt;/b&gt; %1, %2</translation>
    </message>
    <message>
        <source>The estimate is %1 km from it.</source>
        <translation>La estimación está a %1 km.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::AreaDrawOverlay</name>
    <message>
        <source>Click the corners · Enter or double-click ends · Backspace undoes · Esc cancels</source>
        <translation>Haga clic en los vértices · Intro o doble clic termina · Retroceso deshace · Esc cancela</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::DownloadDialog</name>
    <message>
        <source>Download StreetCLIP</source>
        <translation>Descargar StreetCLIP</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from %2 into&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; desde %2 en&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Licence: %1

%2</source>
        <translation>Licencia: %1

%2</translation>
    </message>
    <message>
        <source>I accept the %1 licence and the model card&apos;s restrictions.</source>
        <translation>Acepto la licencia %1 y las restricciones de la ficha del modelo.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Archivo %1 de %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2 — %3/s</source>
        <translation>%1 de %2 — %3/s</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>tamaño desconocido</translation>
    </message>
    <message>
        <source>Verifying %1 (SHA-256)…</source>
        <translation>Verificando %1 (SHA-256)…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b02020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Cancelled. The partial file is kept; downloading again resumes it.</source>
        <translation>Cancelado. Se conserva el archivo parcial; al descargar de nuevo se reanuda.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Done. The model is ready.</source>
        <translation>Listo. El modelo está preparado.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidenceController</name>
    <message numerus="yes">
        <source>Applying the constraint to %n photo(s)…</source>
        <translation>
            <numerusform>Aplicando la restricción a %n foto(s)…</numerusform>
            <numerusform>Aplicando la restricción a %n foto(s)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Constraint cleared: the model&apos;s own answers.</source>
        <translation>Restricción quitada: las respuestas propias del modelo.</translation>
    </message>
    <message>
        <source>Select two or more analysed photos of the same place to group them.</source>
        <translation>Seleccione dos o más fotos analizadas del mismo lugar para agruparlas.</translation>
    </message>
    <message numerus="yes">
        <source>Site &quot;%1&quot;: %n photo(s) fused.</source>
        <translation>
            <numerusform>Sitio «%1»: %n foto(s) fusionada(s).</numerusform>
            <numerusform>Sitio «%1»: %n foto(s) fusionada(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;: %2 of %3 photos fused (the others have nothing inside the constraint).</source>
        <translation>Sitio «%1»: %2 de %3 fotos fusionadas (las demás no tienen nada dentro de la restricción).</translation>
    </message>
    <message>
        <source>Rename site &quot;%1&quot;</source>
        <translation>Renombrar el sitio «%1»</translation>
    </message>
    <message>
        <source>Delete site &quot;%1&quot;</source>
        <translation>Eliminar el sitio «%1»</translation>
    </message>
    <message>
        <source>Group into site &quot;%1&quot;</source>
        <translation>Agrupar en el sitio «%1»</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::EvidencePanel</name>
    <message>
        <source>What you know about where</source>
        <translation>Lo que sabe sobre el lugar</translation>
    </message>
    <message>
        <source>e.g. HU, AT, SK</source>
        <translation>p. ej. HU, AT, SK</translation>
    </message>
    <message>
        <source>Keep only these countries (ISO codes, comma-separated)</source>
        <translation>Conservar solo estos países (códigos ISO, separados por comas)</translation>
    </message>
    <message>
        <source>e.g. RU</source>
        <translation>p. ej. RU</translation>
    </message>
    <message>
        <source>Exclude these countries</source>
        <translation>Excluir estos países</translation>
    </message>
    <message>
        <source>Only countries</source>
        <translation>Solo países</translation>
    </message>
    <message>
        <source>Not countries</source>
        <translation>No estos países</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Áreas</translation>
    </message>
    <message>
        <source>Draw area</source>
        <translation>Dibujar área</translation>
    </message>
    <message>
        <source>Click the corners on the map; Enter or double-click ends, Esc cancels</source>
        <translation>Haga clic en los vértices en el mapa; Intro o doble clic termina, Esc cancela</translation>
    </message>
    <message>
        <source>Draw exclusion</source>
        <translation>Dibujar exclusión</translation>
    </message>
    <message>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <source>Load the Polygon/MultiPolygon areas of a GeoJSON file</source>
        <translation>Cargar las áreas Polygon/MultiPolygon de un archivo GeoJSON</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Areas to keep the answer within</source>
        <translation>Áreas en las que debe estar la respuesta</translation>
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
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Latitude of the centre</source>
        <translation>Latitud del centro</translation>
    </message>
    <message>
        <source>Longitude of the centre</source>
        <translation>Longitud del centro</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Cerca de</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>Several photos of one place</source>
        <translation>Varias fotos de un mismo lugar</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nombre del sitio</translation>
    </message>
    <message>
        <source>Group selected</source>
        <translation>Agrupar selección</translation>
    </message>
    <message>
        <source>Fuse the photos selected in the list into one site</source>
        <translation>Fusionar las fotos seleccionadas en la lista en un sitio</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Within area %1</source>
        <translation>Dentro del área %1</translation>
    </message>
    <message>
        <source>Excluded area %1</source>
        <translation>Área excluida %1</translation>
    </message>
    <message>
        <source>%1: cannot open (%2)</source>
        <translation>%1: no se puede abrir (%2)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 of %4)</source>
        <translation>%1 %2 (%3 de %4)</translation>
    </message>
    <message>
        <source>Not in</source>
        <translation>Fuera de</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Dentro de</translation>
    </message>
    <message>
        <source>An area needs at least three corners.</source>
        <translation>Un área necesita al menos tres vértices.</translation>
    </message>
    <message>
        <source>Not in drawn area (%1 corners)</source>
        <translation>Fuera del área dibujada (%1 vértices)</translation>
    </message>
    <message>
        <source>Within drawn area (%1 corners)</source>
        <translation>Dentro del área dibujada (%1 vértices)</translation>
    </message>
    <message>
        <source>Within %1 km of %2, %3</source>
        <translation>A menos de %1 km de %2, %3</translation>
    </message>
    <message>
        <source>Only %1 % of the model&apos;s probability lies inside: too little to show a place.</source>
        <translation>Solo el %1 % de la probabilidad del modelo queda dentro: demasiado poco para mostrar un lugar.</translation>
    </message>
    <message>
        <source>%1 % of the model&apos;s probability lies inside.</source>
        <translation>El %1 % de la probabilidad del modelo queda dentro.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Give the selected site the name typed above</source>
        <translation>Dar al sitio seleccionado el nombre escrito arriba</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>Eliminar sitio</translation>
    </message>
    <message>
        <source>Delete the selected site (its photos stay in the project)</source>
        <translation>Eliminar el sitio seleccionado (sus fotos permanecen en el proyecto)</translation>
    </message>
    <message>
        <source>The sites of this project; select one to see its fused answer</source>
        <translation>Los sitios de este proyecto; seleccione uno para ver su respuesta fusionada</translation>
    </message>
    <message>
        <source>Select a site and type its new name in the site name field.</source>
        <translation>Seleccione un sitio y escriba su nuevo nombre en el campo del nombre del sitio.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n photo(s)</source>
        <translation>
            <numerusform>%1 — %n foto(s)</numerusform>
            <numerusform>%1 — %n foto(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExplanationPanel</name>
    <message>
        <source>Attention rollout</source>
        <translation>Propagación de la atención</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Oclusión</translation>
    </message>
    <message>
        <source>A place of the result, or any text</source>
        <translation>Un lugar del resultado, o cualquier texto</translation>
    </message>
    <message>
        <source>Gradient-weighted attention rollout over all layers (Chefer et al. 2021): about three forward passes.</source>
        <translation>Propagación de la atención ponderada por gradientes en todas las capas (Chefer et al. 2021): unas tres pasadas hacia delante.</translation>
    </message>
    <message>
        <source>The drop of the label&apos;s probability when each patch shows the mean colour: one forward pass per patch, slow on a CPU.</source>
        <translation>La caída de la probabilidad de la etiqueta cuando cada parche muestra el color medio: una pasada hacia delante por parche, lento en una CPU.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The overlay shows which parts of the photo made the model prefer this label over the others it is compared with. It shows where the model looked, not why the place is right: check every clue yourself.</source>
        <translation>La superposición muestra qué partes de la foto hicieron que el modelo prefiriera esta etiqueta frente a las demás comparadas. Muestra dónde miró el modelo, no por qué el lugar es correcto: compruebe usted cada pista.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message numerus="yes">
        <source>All images (%n with results)</source>
        <translation>
            <numerusform>Todas las imágenes (%n con resultado)</numerusform>
            <numerusform>Todas las imágenes (%n con resultados)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected images (%n)</source>
        <translation>
            <numerusform>Imágenes seleccionadas (%n)</numerusform>
            <numerusform>Imágenes seleccionadas (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave EXIF GPS out (privacy)</source>
        <translation>Omitir el GPS EXIF (privacidad)</translation>
    </message>
    <message>
        <source>Writes no camera coordinates, nor anything that reveals them (EXIF country, error in km, accuracy summary).</source>
        <translation>No escribe coordenadas de la cámara ni nada que las revele (país EXIF, error en km, resumen de precisión).</translation>
    </message>
    <message>
        <source>Countries, regions and cities listed per image</source>
        <translation>Países, regiones y ciudades indicados por imagen</translation>
    </message>
    <message>
        <source>Also write the top cities as points</source>
        <translation>Escribir también las ciudades más probables como puntos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Imágenes:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Privacidad:</translation>
    </message>
    <message>
        <source>Top entries:</source>
        <translation>Entradas principales:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Reports show each photo with its map; they state that locations are estimates, not proof.</source>
        <translation>Los informes muestran cada foto con su mapa; indican que las ubicaciones son estimaciones, no pruebas.</translation>
    </message>
    <message>
        <source>%1 is a folder: add a file name.</source>
        <translation>%1 es una carpeta: añada un nombre de archivo.</translation>
    </message>
    <message>
        <source>%1 exists and will be replaced.</source>
        <translation>%1 ya existe y se reemplazará.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tabla CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (complete results)</source>
        <translation>JSON (resultados completos)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>GeoJSON (QGIS and other GIS tools)</source>
        <translation>GeoJSON (QGIS y otras herramientas SIG)</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson)</source>
        <translation>Archivos GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>KML (Google Earth)</source>
        <translation>KML (Google Earth)</translation>
    </message>
    <message>
        <source>KML files (*.kml)</source>
        <translation>Archivos KML (*.kml)</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>Informe HTML</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>Archivos HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose another one with Browse….</source>
        <translation>La carpeta %1 no existe: elija otra con Examinar….</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::GalleryEvidenceView</name>
    <message>
        <source>Gallery photo</source>
        <translation>Foto de la galería</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Cosine similarity of the two photos&apos; image embeddings (1 = the same picture)</source>
        <translation>Similitud coseno de los embeddings de imagen de ambas fotos (1 = la misma imagen)</translation>
    </message>
    <message>
        <source>Share of this photo in the gallery&apos;s density</source>
        <translation>Parte de esta foto en la densidad de la galería</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gallery estimate:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Estimación de la galería:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fused with the model&apos;s probabilities into the estimate above.</source>
        <translation>Fusionada con las probabilidades del modelo en la estimación de arriba.</translation>
    </message>
    <message>
        <source>Shown only: not fused into the estimate (weight 0, or no place lists).</source>
        <translation>Solo mostrada: no fusionada en la estimación (peso 0 o sin listas de lugares).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Zero-shot estimate:&lt;/b&gt; %1 (%2), %3 km from the gallery&apos;s</source>
        <translation>&lt;b&gt;Estimación zero-shot:&lt;/b&gt; %1 (%2), a %3 km de la de la galería</translation>
    </message>
    <message numerus="yes">
        <source>%n neighbour(s) in %1</source>
        <translation>
            <numerusform>%n vecino en %1</numerusform>
            <numerusform>%n vecinos en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Sim.</source>
        <translation>Simil.</translation>
    </message>
    <message>
        <source>Distance from the gallery estimate, km</source>
        <translation>Distancia desde la estimación de la galería, km</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListFilter</name>
    <message>
        <source>All photos</source>
        <translation>Todas las fotos</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analizadas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Waiting or cancelled</source>
        <translation>En espera o canceladas</translation>
    </message>
    <message>
        <source>Uncertain answers</source>
        <translation>Respuestas inciertas</translation>
    </message>
    <message>
        <source>Confirmed by me</source>
        <translation>Confirmadas por mí</translation>
    </message>
    <message>
        <source>Rejected by me</source>
        <translation>Rechazadas por mí</translation>
    </message>
    <message>
        <source>Marked unsure</source>
        <translation>Marcadas como dudosas</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Aún sin revisar</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ImageListModel</name>
    <message>
        <source>reading</source>
        <translation>leyendo</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>error</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Top country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimación</translation>
    </message>
    <message>
        <source>Computed with other settings than the current ones; Analysis &gt; Re-analyse all applies them.</source>
        <translation>Calculado con otra configuración distinta de la actual; Análisis &gt; Volver a analizar todo la aplica.</translation>
    </message>
    <message>
        <source>Ground truth pinned at %1, %2</source>
        <translation>Ubicación real marcada en %1, %2</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>dudoso</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Your class tag for training a classifier (Analysis &gt; Tag as…)</source>
        <translation>Su etiqueta de clase para entrenar un clasificador (Análisis &gt; Etiquetar como…)</translation>
    </message>
    <message>
        <source>%1
Top answer and its probability; sorted by the probability of &quot;%2&quot; (right-click to choose another).</source>
        <translation>%1
Respuesta más probable y su probabilidad; ordenado por la probabilidad de «%2» (clic derecho para elegir otra).</translation>
    </message>
    <message>
        <source>Scene %1 (%2)</source>
        <translation>Escena %1 (%2)</translation>
    </message>
    <message>
        <source>Near-duplicate group (Similar tab &gt; Group near-duplicates): photos of one scene</source>
        <translation>Grupo de casi duplicados (pestaña Similares &gt; Agrupar casi duplicados): fotos de una escena</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
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
            <numerusform>%n imagen duplicada omitida, el mismo contenido ya está en la lista: %1</numerusform>
            <numerusform>%n imágenes duplicadas omitidas, el mismo contenido ya está en la lista: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (same as %2)</source>
        <translation>%1 (igual que %2)</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Suelte aquí fotos o carpetas, o use Archivo &gt; Abrir imágenes.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop after the image being analysed; finished results are kept.</source>
        <translation>Detener tras la imagen que se está analizando; se conservan los resultados terminados.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <source>Preparing place labels… %1 / %2</source>
        <translation>Preparando los nombres de lugares… %1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source> — waiting for a model</source>
        <translation> — esperando un modelo</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
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
        <translation>Modelo preparado.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>&amp;Abrir imágenes…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nuevo proyecto</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>Abrir &amp;proyecto…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Proyectos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Everything is saved: results are written to %1 as they finish.</source>
        <translation>Todo está guardado: los resultados se escriben en %1 en cuanto terminan.</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Guardar proyecto c&amp;omo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Paste images</source>
        <translation>&amp;Pegar imágenes</translation>
    </message>
    <message>
        <source>&amp;Remove from project</source>
        <translation>&amp;Quitar del proyecto</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nálisis</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>&amp;Re-analyse all with current settings</source>
        <translation>&amp;Volver a analizar todo con la configuración actual</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Choose model folder…</source>
        <translation>&amp;Elegir carpeta del modelo…</translation>
    </message>
    <message>
        <source>&amp;Download StreetCLIP…</source>
        <translation>&amp;Descargar StreetCLIP…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Responsible use</source>
        <translation>&amp;Uso responsable</translation>
    </message>
    <message>
        <source>&amp;About StreetLens</source>
        <translation>&amp;Acerca de StreetLens</translation>
    </message>
    <message>
        <source>About StreetLens</source>
        <translation>Acerca de StreetLens</translation>
    </message>
    <message>
        <source>StreetLens %1
Where was this street photo taken? Local StreetCLIP geolocation. Estimates, not proof.</source>
        <translation>StreetLens %1
¿Dónde se tomó esta foto de calle? Geolocalización local con StreetCLIP. Estimaciones, no pruebas.</translation>
    </message>
    <message>
        <source>The clipboard holds no image files.</source>
        <translation>El portapapeles no contiene archivos de imagen.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>StreetLens projects (*.streetlens)</source>
        <translation>Proyectos de StreetLens (*.streetlens)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Guardar proyecto como</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Elegir la carpeta del modelo</translation>
    </message>
    <message>
        <source>Responsible use</source>
        <translation>Uso responsable</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;StreetLens gives an estimate, not proof.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The StreetCLIP model card rules out geolocating people&apos;s private images. Use StreetLens for street-level photos you are entitled to analyse — research, journalism with consent, your own pictures — and never to find where a person lives or is.&lt;/p&gt;&lt;p&gt;Everything runs on this computer; no photo is uploaded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;StreetLens ofrece una estimación, no una prueba.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;La ficha del modelo StreetCLIP excluye geolocalizar imágenes privadas de personas. Use StreetLens con fotos de calle que tenga derecho a analizar —investigación, periodismo con consentimiento, sus propias fotos— y nunca para averiguar dónde vive o está una persona.&lt;/p&gt;&lt;p&gt;Todo se ejecuta en este ordenador; no se sube ninguna foto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Cargando modelo…</translation>
    </message>
    <message>
        <source>Candidate list</source>
        <translation>Lista de candidatos</translation>
    </message>
    <message>
        <source>Settings changed. New images use them; Analysis &gt; Re-analyse all updates the others.</source>
        <translation>Configuración cambiada. Las imágenes nuevas la usan; Análisis &gt; Volver a analizar todo actualiza las demás.</translation>
    </message>
    <message>
        <source>Cancelled. Results already finished are kept.</source>
        <translation>Cancelado. Se conservan los resultados ya terminados.</translation>
    </message>
    <message>
        <source>No project file: %1</source>
        <translation>Sin archivo de proyecto: %1</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Guardar proyecto</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Guardado como %1</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Proyecto sin título</translation>
    </message>
    <message>
        <source>%1 — StreetLens</source>
        <translation>%1 — StreetLens</translation>
    </message>
    <message>
        <source>An export is still running; try again when it has finished.</source>
        <translation>Todavía hay una exportación en curso; vuelva a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>Nothing to export: no selected image has a result.</source>
        <translation>Nada que exportar: ninguna imagen seleccionada tiene resultado.</translation>
    </message>
    <message>
        <source>Nothing to export yet: no image has a result.</source>
        <translation>Todavía no hay nada que exportar: ninguna imagen tiene resultado.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s) to %1…</source>
        <translation>
            <numerusform>Exportando %n imagen a %1…</numerusform>
            <numerusform>Exportando %n imágenes a %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>%n imagen exportada a %1</numerusform>
            <numerusform>%n imágenes exportadas a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;CSV table…</source>
        <translation>Tabla &amp;CSV…</translation>
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
        <translation>Informe &amp;HTML…</translation>
    </message>
    <message>
        <source>&amp;PDF report…</source>
        <translation>Informe &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Remove photos</source>
        <translation>Quitar fotos</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n analysed photo(s) from the project?</source>
        <translation>
            <numerusform>¿Quitar %n foto analizada del proyecto?</numerusform>
            <numerusform>¿Quitar %n fotos analizadas del proyecto?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their results are deleted from the project file. Edit &gt; Undo (%1) brings them back.</source>
        <translation>Sus resultados se borran del archivo del proyecto. Editar &gt; Deshacer (%1) los recupera.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed. Edit &gt; Undo brings them back.</source>
        <translation>
            <numerusform>%n foto quitada. Editar &gt; Deshacer la recupera.</numerusform>
            <numerusform>%n fotos quitadas. Editar &gt; Deshacer las recupera.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered the untitled project; File &gt; Save project as… keeps it.</source>
        <translation>Proyecto sin título recuperado; Archivo &gt; Guardar proyecto como… lo conserva.</translation>
    </message>
    <message>
        <source>Batch finished: %1 analysed, %2 failed, %3 cancelled.</source>
        <translation>Lote terminado: %1 analizadas, %2 fallidas, %3 canceladas.</translation>
    </message>
    <message numerus="yes">
        <source> (then %n photo(s))</source>
        <translation>
            <numerusform> (luego %n foto)</numerusform>
            <numerusform> (luego %n fotos)</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading the model</source>
        <translation> — cargando el modelo</translation>
    </message>
    <message numerus="yes">
        <source>Settings changed. The %n result(s) shown were computed with the previous ones (grey in the list); Analysis &gt; Re-analyse all applies the new ones.</source>
        <translation>
            <numerusform>Configuración cambiada. El %n resultado mostrado se calculó con la anterior (en gris en la lista); Análisis &gt; Volver a analizar todo aplica la nueva.</numerusform>
            <numerusform>Configuración cambiada. Los %n resultados mostrados se calcularon con la anterior (en gris en la lista); Análisis &gt; Volver a analizar todo aplica la nueva.</numerusform>
        </translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>Mapa de StreetLens</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-analyse &amp;selected</source>
        <translation>Volver a analizar las &amp;seleccionadas</translation>
    </message>
    <message>
        <source>Re-analyse &amp;failed and cancelled</source>
        <translation>Volver a analizar &amp;fallidas y canceladas</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>Nothing to re-analyse.</source>
        <translation>Nada que volver a analizar.</translation>
    </message>
    <message>
        <source>&amp;Evidence: what you know, sites</source>
        <translation>&amp;Indicios: lo que sabe, sitios</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Indicios</translation>
    </message>
    <message>
        <source>Search name, folder, country, estimate, note…</source>
        <translation>Buscar nombre, carpeta, país, estimación, nota…</translation>
    </message>
    <message>
        <source>Click where %1 was really taken</source>
        <translation>Haga clic donde se tomó realmente %1</translation>
    </message>
    <message numerus="yes">
        <source>Scene tasks changed: answering them again for %n photo(s) from their stored embeddings.</source>
        <translation>
            <numerusform>Tareas de escena cambiadas: se responden de nuevo para %n foto a partir de su embedding guardado.</numerusform>
            <numerusform>Tareas de escena cambiadas: se responden de nuevo para %n fotos a partir de sus embeddings guardados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Donde</translation>
    </message>
    <message>
        <source>Shows only the photos whose answer to a scene task has this label (or, with &quot;not …&quot;, any other) above the threshold.</source>
        <translation>Muestra solo las fotos cuya respuesta a una tarea de escena tiene esta etiqueta (o, con «no …», cualquier otra) por encima del umbral.</translation>
    </message>
    <message>
        <source>not &quot;%1&quot;</source>
        <translation>no «%1»</translation>
    </message>
    <message>
        <source>any scene task</source>
        <translation>cualquier tarea de escena</translation>
    </message>
    <message>
        <source>Sort %1 by the probability of</source>
        <translation>Ordenar %1 por la probabilidad de</translation>
    </message>
    <message>
        <source>&amp;Tag selected photos as…</source>
        <translation>E&amp;tiquetar las fotos seleccionadas como…</translation>
    </message>
    <message>
        <source>Clear class ta&amp;g of selected</source>
        <translation>Quitar la eti&amp;queta de clase de las seleccionadas</translation>
    </message>
    <message>
        <source>Train &amp;classifier from tags…</source>
        <translation>Entrenar un &amp;clasificador con las etiquetas…</translation>
    </message>
    <message>
        <source>Select the photos to tag first.</source>
        <translation>Seleccione primero las fotos que desea etiquetar.</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Etiquetar como</translation>
    </message>
    <message numerus="yes">
        <source>Your class for the %n selected photo(s) (e.g. damaged, intact):</source>
        <translation>
            <numerusform>Su clase para la %n foto seleccionada (p. ej. dañado, intacto):</numerusform>
            <numerusform>Su clase para las %n fotos seleccionadas (p. ej. dañado, intacto):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Class tag cleared from %n photo(s).</source>
        <translation>
            <numerusform>Etiqueta de clase quitada de %n foto.</numerusform>
            <numerusform>Etiqueta de clase quitada de %n fotos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) tagged as &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n foto etiquetada como «%1».</numerusform>
            <numerusform>%n fotos etiquetadas como «%1».</numerusform>
        </translation>
    </message>
    <message>
        <source>Train classifier</source>
        <translation>Entrenar clasificador</translation>
    </message>
    <message>
        <source>Tag photos with at least two classes first, a few photos each: select photos, then Analysis &gt; Tag selected photos as…</source>
        <translation>Etiquete primero fotos con al menos dos clases, unas pocas fotos cada una: seleccione fotos y luego Análisis &gt; Etiquetar las fotos seleccionadas como…</translation>
    </message>
    <message>
        <source>Which of my classes: %1?</source>
        <translation>¿Cuál de mis clases: %1?</translation>
    </message>
    <message numerus="yes">
        <source>Training a classifier on %n tagged photo(s)…</source>
        <translation>
            <numerusform>Entrenando un clasificador con %n foto etiquetada…</numerusform>
            <numerusform>Entrenando un clasificador con %n fotos etiquetadas…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) have no stored embedding of this model: analyse them first.</source>
        <translation>
            <numerusform>%n foto etiquetada no tiene embedding guardado de este modelo: analícela primero.</numerusform>
            <numerusform>%n fotos etiquetadas no tienen embedding guardado de este modelo: analícelas primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scene tasks not found, left out: %1</source>
        <translation>Tareas de escena no encontradas, omitidas: %1</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>%1 for “%2”…</source>
        <translation>%1 para «%2»…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>%1 for “%2” (p = %3 % against the labels compared).</source>
        <translation>%1 para «%2» (p = %3 % frente a las etiquetas comparadas).</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>Similares</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galería de referencia</translation>
    </message>
    <message>
        <source>Distinct scenes</source>
        <translation>Escenas distintas</translation>
    </message>
    <message>
        <source>Collapse to distinct scenes: one photo per near-duplicate group (the photos are grouped when this is switched on)</source>
        <translation>Reducir a escenas distintas: una foto por grupo de casi duplicados (las fotos se agrupan al activarlo)</translation>
    </message>
    <message>
        <source>No photo analysed yet: nothing to group.</source>
        <translation>Aún no hay fotos analizadas: nada que agrupar.</translation>
    </message>
    <message>
        <source>Grouping near-duplicates…</source>
        <translation>Agrupando casi duplicados…</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapExportDialog</name>
    <message>
        <source>Save map as PNG</source>
        <translation>Guardar mapa como PNG</translation>
    </message>
    <message>
        <source>%1× — %2 × %3 pixels</source>
        <translation>%1× — %2 × %3 píxeles</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolución:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>The image shows the area of the map as it is now, with the legend and the scale, under the title.</source>
        <translation>La imagen muestra la zona del mapa tal como está, con la leyenda y la escala, bajo el título.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>No se pudo escribir la imagen del mapa %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapMarkers</name>
    <message>
        <source>EXIF GPS position</source>
        <translation>Posición GPS EXIF</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimación</translation>
    </message>
    <message>
        <source>Probability: %1</source>
        <translation>Probabilidad: %1</translation>
    </message>
    <message>
        <source>Distance estimate to EXIF: %1 km</source>
        <translation>Distancia de la estimación al EXIF: %1 km</translation>
    </message>
    <message>
        <source>Ground truth (your pin)</source>
        <translation>Ubicación real (su marca)</translation>
    </message>
    <message>
        <source>Distance estimate to your pin: %1 km</source>
        <translation>Distancia de la estimación a su marca: %1 km</translation>
    </message>
    <message>
        <source>Gallery photo: similarity %1, %2 km</source>
        <translation>Foto de la galería: similitud %1, %2 km</translation>
    </message>
    <message>
        <source>Gallery estimate</source>
        <translation>Estimación de la galería</translation>
    </message>
    <message>
        <source>Where the most similar gallery photos are</source>
        <translation>Donde están las fotos de la galería más parecidas</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::MapOverlay</name>
    <message>
        <source>Estimate</source>
        <translation>Estimación</translation>
    </message>
    <message>
        <source>%1 %2 · estimate</source>
        <translation>%1 %2 · estimación</translation>
    </message>
    <message>
        <source>EXIF GPS</source>
        <translation>GPS EXIF</translation>
    </message>
    <message>
        <source>Probability per 10,000 km²</source>
        <translation>Probabilidad por 10.000 km²</translation>
    </message>
    <message>
        <source>logarithmic scale · %1</source>
        <translation>escala logarítmica · %1</translation>
    </message>
    <message>
        <source>Country probability</source>
        <translation>Probabilidad por país</translation>
    </message>
    <message>
        <source>EXIF GPS · %1 photos</source>
        <translation>GPS EXIF · %1 fotos</translation>
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
        <translation>No hay mapa base cargado</translation>
    </message>
    <message>
        <source>%1
Probability: %2</source>
        <translation>%1
Probabilidad: %2</translation>
    </message>
    <message>
        <source>Online tiles unavailable (offline) — showing the built-in map</source>
        <translation>Teselas en línea no disponibles (sin conexión): se muestra el mapa integrado</translation>
    </message>
    <message>
        <source>Could not write the map image %1</source>
        <translation>No se pudo escribir la imagen del mapa %1</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Alejar (−)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit the map to the results (F)</source>
        <translation>Ajustar el mapa a los resultados (F)</translation>
    </message>
    <message>
        <source>World</source>
        <translation>Mundo</translation>
    </message>
    <message>
        <source>Show the whole world (Home)</source>
        <translation>Mostrar el mundo entero (Inicio)</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Save the map as a PNG image</source>
        <translation>Guardar el mapa como imagen PNG</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>Probability heatmap</source>
        <translation>Mapa de calor de probabilidad</translation>
    </message>
    <message>
        <source>Country shading</source>
        <translation>Sombreado de países</translation>
    </message>
    <message>
        <source>Markers and EXIF line</source>
        <translation>Marcadores y línea EXIF</translation>
    </message>
    <message>
        <source>Country borders</source>
        <translation>Fronteras</translation>
    </message>
    <message>
        <source>Country names</source>
        <translation>Nombres de países</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>Retícula</translation>
    </message>
    <message>
        <source>Legend and scale</source>
        <translation>Leyenda y escala</translation>
    </message>
    <message>
        <source>Online tiles</source>
        <translation>Teselas en línea</translation>
    </message>
    <message>
        <source>One marker per image</source>
        <translation>Un marcador por imagen</translation>
    </message>
    <message>
        <source>Several images: one marker each instead of the combined heatmap</source>
        <translation>Varias imágenes: un marcador por imagen en lugar del mapa de calor combinado</translation>
    </message>
    <message>
        <source>StreetLens map</source>
        <translation>Mapa de StreetLens</translation>
    </message>
    <message>
        <source>StreetLens · %1 · locations are estimates, not proof</source>
        <translation>StreetLens · %1 · las ubicaciones son estimaciones, no pruebas</translation>
    </message>
    <message>
        <source>Confidence regions</source>
        <translation>Regiones de confianza</translation>
    </message>
    <message>
        <source>Constraint areas</source>
        <translation>Áreas de la restricción</translation>
    </message>
    <message>
        <source>Usual colours</source>
        <translation>Colores habituales</translation>
    </message>
    <message>
        <source>Top answer</source>
        <translation>Respuesta más probable</translation>
    </message>
    <message>
        <source>Probability of &quot;%1&quot;</source>
        <translation>Probabilidad de «%1»</translation>
    </message>
    <message>
        <source>Colour photos by</source>
        <translation>Colorear las fotos según</translation>
    </message>
    <message>
        <source>Colour each photo&apos;s marker by its answer to a scene task</source>
        <translation>Colorear el marcador de cada foto según su respuesta a una tarea de escena</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ModelSetupPanel</name>
    <message>
        <source>&lt;h2&gt;No model loaded yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Todavía no hay ningún modelo cargado&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>StreetLens geolocates photos with &lt;b&gt;StreetCLIP&lt;/b&gt;, a 1.7 GB model that runs on this computer; your photos are never uploaded. You can still add photos now; they are analysed as soon as a model is loaded.</source>
        <translation>StreetLens geolocaliza fotos con &lt;b&gt;StreetCLIP&lt;/b&gt;, un modelo de 1,7 GB que se ejecuta en este ordenador; sus fotos nunca se suben. Ya puede añadir fotos; se analizarán en cuanto se cargue un modelo.</translation>
    </message>
    <message>
        <source>Choose model folder…</source>
        <translation>Elegir carpeta del modelo…</translation>
    </message>
    <message>
        <source>A folder with config.json, vocab.json, merges.txt and model.safetensors (or a Hugging Face cache folder).</source>
        <translation>Una carpeta con config.json, vocab.json, merges.txt y model.safetensors (o una carpeta de la caché de Hugging Face).</translation>
    </message>
    <message>
        <source>Use found model</source>
        <translation>Usar el modelo encontrado</translation>
    </message>
    <message>
        <source>Looking in the Hugging Face cache…</source>
        <translation>Buscando en la caché de Hugging Face…</translation>
    </message>
    <message>
        <source>Download StreetCLIP…</source>
        <translation>Descargar StreetCLIP…</translation>
    </message>
    <message>
        <source>From Hugging Face (geolocal/StreetCLIP, licence CC BY-NC 4.0; about 1.7 GB).</source>
        <translation>Desde Hugging Face (geolocal/StreetCLIP, licencia CC BY-NC 4.0; unos 1,7 GB).</translation>
    </message>
    <message>
        <source>No CLIP model found in the Hugging Face cache.</source>
        <translation>No se encontró ningún modelo CLIP en la caché de Hugging Face.</translation>
    </message>
    <message>
        <source>Found in the Hugging Face cache.</source>
        <translation>Encontrado en la caché de Hugging Face.</translation>
    </message>
    <message>
        <source>This build of StreetLens was made without the inference engine (LibTorch), so it cannot analyse photos; it can still open projects and show their results.</source>
        <translation>Esta versión de StreetLens se compiló sin el motor de inferencia (LibTorch), por lo que no puede analizar fotos; aun así puede abrir proyectos y mostrar sus resultados.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoSearchBox</name>
    <message>
        <source>&lt;b&gt;Search with a photo:&lt;/b&gt; drop a photo file here to find the most similar photos in this project and the case folder.</source>
        <translation>&lt;b&gt;Buscar con una foto:&lt;/b&gt; suelte aquí un archivo de foto para encontrar las fotos más parecidas en este proyecto y la carpeta del caso.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a photo to search with</source>
        <translation>Elegir una foto para buscar</translation>
    </message>
    <message>
        <source>Search with a photo</source>
        <translation>Buscar con una foto</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;All files (*)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PhotoView</name>
    <message>
        <source>The photo could not be read.</source>
        <translation>No se pudo leer la foto.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::PointPickOverlay</name>
    <message>
        <source>Esc cancels</source>
        <translation>Esc cancela</translation>
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
        <translation>Clasificador entrenado</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cross-validated accuracy: %1&lt;/b&gt; (chance: %2)&lt;/p&gt;&lt;p&gt;%3 photos in %4 classes, %5-fold cross-validation: each photo was classified by a classifier trained without it. Accuracy near the chance level means the classes are not told apart from these photos; tag more, or more distinct, photos.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Precisión con validación cruzada: %1&lt;/b&gt; (azar: %2)&lt;/p&gt;&lt;p&gt;%3 fotos en %4 clases, validación cruzada de %5 particiones: cada foto fue clasificada por un clasificador entrenado sin ella. Una precisión cercana al azar significa que estas fotos no permiten distinguir las clases; etiquete más fotos, o fotos más distintas.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n tagged photo(s) left out: not analysed with this model yet.</source>
        <translation>
            <numerusform>%n foto etiquetada omitida: aún no analizada con este modelo.</numerusform>
            <numerusform>%n fotos etiquetadas omitidas: aún no analizadas con este modelo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confusion matrix (rows: your class; columns: the classifier&apos;s answer):</source>
        <translation>Matriz de confusión (filas: su clase; columnas: la respuesta del clasificador):</translation>
    </message>
    <message>
        <source>Task name:</source>
        <translation>Nombre de la tarea:</translation>
    </message>
    <message>
        <source>e.g. Is the building damaged?</source>
        <translation>p. ej. ¿Está dañado el edificio?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Pregunta:</translation>
    </message>
    <message>
        <source>Save as task</source>
        <translation>Guardar como tarea</translation>
    </message>
    <message>
        <source>This classifier</source>
        <translation>Este clasificador</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Guardado como %1.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ProjectSession</name>
    <message>
        <source>%1 is open in another StreetLens window (process %2 on %3). Close it there first: two windows on one project would overwrite each other&apos;s work.</source>
        <translation>%1 está abierto en otra ventana de StreetLens (proceso %2 en %3). Ciérrelo allí primero: dos ventanas en un mismo proyecto sobrescribirían el trabajo de la otra.</translation>
    </message>
    <message>
        <source>%1 cannot be locked for this window (no lock file can be written next to it).</source>
        <translation>%1 no se puede bloquear para esta ventana (no se puede escribir un archivo de bloqueo a su lado).</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::RemoveImagesCommand</name>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Quitar %n foto</numerusform>
            <numerusform>Quitar %n fotos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ResultsPanel</name>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regiones</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Ciudades</translation>
    </message>
    <message>
        <source>&lt;small&gt;An estimate, not proof. Not for locating people from their private photos.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Una estimación, no una prueba. No debe usarse para localizar a personas a partir de sus fotos privadas.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Ninguna imagen seleccionada</translation>
    </message>
    <message>
        <source>Drop photos or folders on the window, or use File &gt; Open.</source>
        <translation>Suelte fotos o carpetas en la ventana, o use Archivo &gt; Abrir.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images selected; the map shows them combined.</source>
        <translation>
            <numerusform>%n imagen seleccionada; el mapa la muestra.</numerusform>
            <numerusform>%n imágenes seleccionadas; el mapa las muestra combinadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Estimación:&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate:&lt;/b&gt; none</source>
        <translation>&lt;b&gt;Estimación:&lt;/b&gt; ninguna</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;GPS EXIF:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Error:&lt;/b&gt; %1 km</source>
        <translation>&lt;br&gt;&lt;b&gt;Error:&lt;/b&gt; %1 km</translation>
    </message>
    <message>
        <source>&lt;b&gt;EXIF GPS:&lt;/b&gt; none in this photo</source>
        <translation>&lt;b&gt;GPS EXIF:&lt;/b&gt; no hay en esta foto</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidatos</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Your assessment</source>
        <translation>Su valoración</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Escena</translation>
    </message>
    <message>
        <source>Answers of the scene tasks chosen in Settings &gt; Scene tasks, from the same image embedding (zero-shot or your trained classifiers).</source>
        <translation>Respuestas de las tareas de escena elegidas en Ajustes &gt; Tareas de escena, a partir del mismo embedding de imagen (zero-shot o sus clasificadores entrenados).</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>What the model reads in the photo for each clue question; check each clue in the photo yourself.</source>
        <translation>Lo que el modelo lee en la foto para cada pregunta de pista; compruebe usted mismo cada pista en la foto.</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galería de referencia</translation>
    </message>
    <message>
        <source>The most similar photos of the reference gallery chosen in Settings and the place they point to.</source>
        <translation>Las fotos más parecidas de la galería de referencia elegida en Ajustes y el lugar al que apuntan.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SceneTasksPage</name>
    <message>
        <source>Questions answered for every photo from the image embedding the geolocation already computed (no second pass). Checked tasks get a list column, a filter, a map colouring and a section in the results.</source>
        <translation>Preguntas respondidas para cada foto a partir del embedding de imagen que la geolocalización ya calculó (sin segunda pasada). Las tareas marcadas tienen una columna en la lista, un filtro, un coloreado del mapa y una sección en los resultados.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Clue readings (driving side, script on signs, road lines, climate, …)</source>
        <translation>Lectura de pistas (lado de conducción, escritura de los carteles, líneas de la carretera, clima, …)</translation>
    </message>
    <message>
        <source>Import scene task</source>
        <translation>Importar tarea de escena</translation>
    </message>
    <message>
        <source>Task files (*.json)</source>
        <translation>Archivos de tarea (*.json)</translation>
    </message>
    <message>
        <source>[classifier]</source>
        <translation>[clasificador]</translation>
    </message>
    <message>
        <source>[yours]</source>
        <translation>[suya]</translation>
    </message>
    <message>
        <source>Imported %1 as your task &quot;%2&quot;.</source>
        <translation>%1 importado como su tarea «%2».</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Export scene task</source>
        <translation>Exportar tarea de escena</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>Delete scene task</source>
        <translation>Eliminar tarea de escena</translation>
    </message>
    <message>
        <source>Delete your task &quot;%1&quot;? Results already computed keep its answers.</source>
        <translation>¿Eliminar su tarea «%1»? Los resultados ya calculados conservan sus respuestas.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SelectionPresenter</name>
    <message>
        <source>File missing: %1 is no longer on disk; this is the copy stored in the project.</source>
        <translation>Falta el archivo: %1 ya no está en el disco; esta es la copia guardada en el proyecto.</translation>
    </message>
    <message>
        <source>Select a photo in the list to see it here.</source>
        <translation>Seleccione una foto de la lista para verla aquí.</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or use File &gt; Open images.</source>
        <translation>Suelte aquí fotos o carpetas, o use Archivo &gt; Abrir imágenes.</translation>
    </message>
    <message>
        <source>File missing on disk.</source>
        <translation>El archivo no está en el disco.</translation>
    </message>
    <message>
        <source>Computed with other settings or another model than the current ones: use Analysis &gt; Re-analyse to apply them.</source>
        <translation>Calculado con otra configuración u otro modelo distintos de los actuales: use Análisis &gt; Volver a analizar para aplicarlos.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Being analysed…</source>
        <translation>Analizándose…</translation>
    </message>
    <message>
        <source>Cancelled. Use Analysis &gt; Re-analyse to run it.</source>
        <translation>Cancelado. Use Análisis &gt; Volver a analizar para ejecutarlo.</translation>
    </message>
    <message>
        <source>Waiting in the queue.</source>
        <translation>Esperando en la cola.</translation>
    </message>
    <message>
        <source>Waiting for a model to be loaded.</source>
        <translation>Esperando a que se cargue un modelo.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 píxeles</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Tomada:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Cámara:</translation>
    </message>
    <message>
        <source>, %1 m</source>
        <translation>, %1 m</translation>
    </message>
    <message>
        <source>EXIF GPS:</source>
        <translation>GPS EXIF:</translation>
    </message>
    <message>
        <source>Analysed:</source>
        <translation>Analizada:</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SettingsDialog</name>
    <message>
        <source>StreetLens settings</source>
        <translation>Configuración de StreetLens</translation>
    </message>
    <message>
        <source>Folder with config.json, vocab.json, merges.txt and the weights</source>
        <translation>Carpeta con config.json, vocab.json, merges.txt y los pesos</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Carpeta del modelo:</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automático (GPU si está disponible)</translation>
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
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precisión:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Tamaño de lote:</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>Descargar desde:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Hierarchical (country, then regions and cities)</source>
        <translation>Jerárquico (país, luego regiones y ciudades)</translation>
    </message>
    <message>
        <source>Flat (every place at once)</source>
        <translation>Plano (todos los lugares a la vez)</translation>
    </message>
    <message>
        <source>Expected location (probability-weighted)</source>
        <translation>Ubicación esperada (ponderada por probabilidad)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>Places shown per level (top-k):</source>
        <translation>Lugares mostrados por nivel (top-k):</translation>
    </message>
    <message>
        <source>Country prompts:</source>
        <translation>Indicaciones para países:</translation>
    </message>
    <message>
        <source>Region prompts:</source>
        <translation>Indicaciones para regiones:</translation>
    </message>
    <message>
        <source>City prompts:</source>
        <translation>Indicaciones para ciudades:</translation>
    </message>
    <message>
        <source>Optional CSV of your own candidate places</source>
        <translation>CSV opcional con sus propios lugares candidatos</translation>
    </message>
    <message>
        <source>Candidate list:</source>
        <translation>Lista de candidatos:</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Scene tasks</source>
        <translation>Tareas de escena</translation>
    </message>
    <message>
        <source>Reference gallery</source>
        <translation>Galería de referencia</translation>
    </message>
    <message>
        <source>Photos of known places (an index made with streetlens-cli index): each result gets its most similar gallery photos and the place they point to, fused with the model&apos;s estimate. Changing the gallery makes earlier results stale.</source>
        <translation>Fotos de lugares conocidos (un índice creado con streetlens-cli index): cada resultado recibe sus fotos de galería más parecidas y el lugar al que apuntan, fusionado con la estimación del modelo. Cambiar la galería deja obsoletos los resultados anteriores.</translation>
    </message>
    <message>
        <source>No gallery</source>
        <translation>Sin galería</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>StreetLens indexes (*.slidx);;All files (*)</source>
        <translation>Índices de StreetLens (*.slidx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Gallery index:</source>
        <translation>Índice de la galería:</translation>
    </message>
    <message>
        <source>Gallery photos compared with each photo (the most similar ones).</source>
        <translation>Fotos de la galería comparadas con cada foto (las más parecidas).</translation>
    </message>
    <message>
        <source>Neighbours (k):</source>
        <translation>Vecinos (k):</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>How far each gallery photo&apos;s evidence reaches (kernel bandwidth h).</source>
        <translation>Hasta dónde llega la evidencia de cada foto de la galería (ancho de banda del núcleo h).</translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation>Ancho de banda:</translation>
    </message>
    <message>
        <source>Softmax temperature of the similarities: smaller trusts the most similar photos more.</source>
        <translation>Temperatura softmax de las similitudes: menor confía más en las fotos más parecidas.</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <source>Weight of the gallery in the fused estimate (β); 0 shows the gallery without fusing.</source>
        <translation>Peso de la galería en la estimación fusionada (β); 0 muestra la galería sin fusionar.</translation>
    </message>
    <message>
        <source>Weight (β):</source>
        <translation>Peso (β):</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::ShadowMeasureCanvas</name>
    <message>
        <source>object</source>
        <translation>objeto</translation>
    </message>
    <message>
        <source>shadow</source>
        <translation>sombra</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to its top</source>
        <translation>Arrastre desde el pie del objeto hasta su parte superior</translation>
    </message>
    <message>
        <source>Drag from the object&apos;s foot to the tip of its shadow</source>
        <translation>Arrastre desde el pie del objeto hasta la punta de su sombra</translation>
    </message>
    <message>
        <source>Shadow / height = %1 (drag again to start over)</source>
        <translation>Sombra / altura = %1 (arrastre de nuevo para empezar otra vez)</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SimilarPhotosPanel</name>
    <message>
        <source>Photos most like the one shown, in this project and the case folder, by the similarity of their image embeddings (1 = the same picture).</source>
        <translation>Las fotos más parecidas a la mostrada, en este proyecto y en la carpeta del caso, según la similitud de sus incrustaciones de imagen (1 = la misma imagen).</translation>
    </message>
    <message>
        <source>Case folder…</source>
        <translation>Carpeta del caso…</translation>
    </message>
    <message>
        <source>Also search every StreetLens project in a folder</source>
        <translation>Buscar también en cada proyecto de StreetLens de una carpeta</translation>
    </message>
    <message>
        <source>Group near-duplicates</source>
        <translation>Agrupar casi duplicados</translation>
    </message>
    <message>
        <source>Photos of this project with a similarity of at least 0.95, or identical files, grouped into scenes</source>
        <translation>Las fotos de este proyecto con una similitud de al menos 0,95, o archivos idénticos, agrupadas en escenas</translation>
    </message>
    <message>
        <source>Make a site</source>
        <translation>Convertir en sitio</translation>
    </message>
    <message>
        <source>Turn the chosen group into a site on the Evidence tab</source>
        <translation>Convertir el grupo elegido en un sitio en la pestaña Indicios</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Escena %1</translation>
    </message>
    <message numerus="yes">
        <source>Scene %1: %n photo(s)</source>
        <translation>
            <numerusform>Escena %1: %n foto</numerusform>
            <numerusform>Escena %1: %n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 analysed photos, %2 with a near-duplicate in %3 group(s).</source>
        <translation>%1 fotos analizadas, %2 con un casi duplicado en %3 grupo(s).</translation>
    </message>
    <message>
        <source>No photo shown.</source>
        <translation>No se muestra ninguna foto.</translation>
    </message>
    <message>
        <source>The photo has not been analysed yet.</source>
        <translation>La foto aún no se ha analizado.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No case folder: this project only.</source>
        <translation>Sin carpeta del caso: solo este proyecto.</translation>
    </message>
    <message>
        <source>Case folder: %1</source>
        <translation>Carpeta del caso: %1</translation>
    </message>
    <message>
        <source>Case folder</source>
        <translation>Carpeta del caso</translation>
    </message>
    <message>
        <source>No other analysed photo to compare with.</source>
        <translation>No hay otra foto analizada con la que comparar.</translation>
    </message>
    <message numerus="yes">
        <source>%n similar photo(s), most similar first.</source>
        <translation>
            <numerusform>%n foto similar, la más parecida primero.</numerusform>
            <numerusform>%n fotos similares, las más parecidas primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — similarity %2</source>
        <translation>%1 — similitud %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Embedding %1…</source>
        <translation>Calculando el embedding de %1…</translation>
    </message>
    <message>
        <source>%1: no embedding</source>
        <translation>%1: sin embedding</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>No se buscó: %1</translation>
    </message>
    <message>
        <source>No analysed photo to compare %1 with.</source>
        <translation>No hay ninguna foto analizada con la que comparar %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) most like %1, most similar first.</source>
        <translation>
            <numerusform>%n foto más parecida a %1, la más parecida primero.</numerusform>
            <numerusform>%n fotos más parecidas a %1, la más parecida primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched with %1</source>
        <translation>Buscado con %1</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::SunShadowPanel</name>
    <message>
        <source>Sun &amp;&amp; shadow</source>
        <translation>Sol y sombra</translation>
    </message>
    <message>
        <source>e.g. 2024-06-21T11:30:00+02:00</source>
        <translation>p. ej. 2024-06-21T11:30:00+02:00</translation>
    </message>
    <message>
        <source>When the photo was taken, with its time zone (Z for UTC, or an offset such as +02:00)</source>
        <translation>Cuándo se tomó la foto, con su zona horaria (Z para UTC, o un desfase como +02:00)</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Tomada el</translation>
    </message>
    <message>
        <source>Shadow / height</source>
        <translation>Sombra / altura</translation>
    </message>
    <message>
        <source>Sun elevation</source>
        <translation>Altura del sol</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Medido</translation>
    </message>
    <message>
        <source>Measure on photo…</source>
        <translation>Medir en la foto…</translation>
    </message>
    <message>
        <source>Draw the object and its shadow on the photo</source>
        <translation>Dibuje el objeto y su sombra en la foto</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>How far the sun&apos;s elevation may be from the measured one</source>
        <translation>Cuánto puede diferir la altura del sol de la medida</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolerancia</translation>
    </message>
    <message>
        <source>Shadow points to</source>
        <translation>La sombra apunta a</translation>
    </message>
    <message>
        <source>Only when north is known in the photo</source>
        <translation>Solo si se conoce el norte en la foto</translation>
    </message>
    <message>
        <source>° from north</source>
        <translation>° desde el norte</translation>
    </message>
    <message>
        <source>Show band</source>
        <translation>Mostrar la franja</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>Quitar la franja</translation>
    </message>
    <message>
        <source>Shadow length divided by the object&apos;s height, on flat ground</source>
        <translation>Longitud de la sombra dividida por la altura del objeto, en terreno llano</translation>
    </message>
    <message>
        <source>The sun&apos;s elevation above the horizon</source>
        <translation>La altura del sol sobre el horizonte</translation>
    </message>
    <message>
        <source>Enter the moment with its time zone.</source>
        <translation>Introduzca el momento con su zona horaria.</translation>
    </message>
    <message>
        <source>From the photo: %1. Check it, or type another.</source>
        <translation>De la foto: %1. Compruébelo o escriba otro.</translation>
    </message>
    <message>
        <source>The photo says %1 but not its time zone: enter the time with its zone.</source>
        <translation>La foto indica %1 pero no su zona horaria: introduzca la hora con su zona.</translation>
    </message>
    <message>
        <source>The photo has no capture time: enter it with its time zone.</source>
        <translation>La foto no tiene hora de captura: introdúzcala con su zona horaria.</translation>
    </message>
    <message>
        <source>Enter when the photo was taken, with its time zone (e.g. 2024-06-21T11:30:00+02:00).</source>
        <translation>Indique cuándo se tomó la foto, con su zona horaria (p. ej. 2024-06-21T11:30:00+02:00).</translation>
    </message>
    <message>
        <source>On the map: %1</source>
        <translation>En el mapa: %1</translation>
    </message>
    <message>
        <source>Measure the shadow</source>
        <translation>Medir la sombra</translation>
    </message>
    <message>
        <source>Drag from the foot of a vertical object to its top, then from its foot to the tip of its shadow. Flat, level ground; the photo&apos;s perspective shortens lengths that point away from the camera.</source>
        <translation>Arrastre desde el pie de un objeto vertical hasta su parte superior y luego desde su pie hasta la punta de su sombra. Terreno llano y horizontal; la perspectiva de la foto acorta las longitudes que se alejan de la cámara.</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskColoring</name>
    <message>
        <source>%1: probability of &quot;%2&quot;</source>
        <translation>%1: probabilidad de «%2»</translation>
    </message>
    <message>
        <source>%1: top answer</source>
        <translation>%1: respuesta más probable</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::TaskEditorDialog</name>
    <message>
        <source>Edit scene task</source>
        <translation>Editar tarea de escena</translation>
    </message>
    <message>
        <source>New scene task</source>
        <translation>Nueva tarea de escena</translation>
    </message>
    <message>
        <source>e.g. flood-damage (lower-case words joined by -)</source>
        <translation>p. ej. flood-damage (palabras en minúsculas unidas con -)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>e.g. Is the street flooded?</source>
        <translation>p. ej. ¿Está inundada la calle?</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Pregunta:</translation>
    </message>
    <message>
        <source>One answer per line, at least two:
a flooded street
a dry street</source>
        <translation>Una respuesta por línea, al menos dos:
a flooded street
a dry street</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>One prompt per line, each with {} where the label goes (averaged):
a street view photo of {}.
none: the labels are the prompts</source>
        <translation>Un prompt por línea, cada uno con {} donde va la etiqueta (promediados):
a street view photo of {}.
ninguno: las etiquetas son los prompts</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>Plantillas:</translation>
    </message>
    <message>
        <source>StreetCLIP compares the photo with each label&apos;s prompts; the answers&apos; probabilities add up to 100 %. Describe what is visible, as a caption would.</source>
        <translation>StreetCLIP compara la foto con los prompts de cada etiqueta; las probabilidades de las respuestas suman 100 %. Describa lo que se ve, como lo haría un pie de foto.</translation>
    </message>
    <message>
        <source>This task</source>
        <translation>Esta tarea</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UntitledWork</name>
    <message>
        <source>Unsaved project</source>
        <translation>Proyecto sin guardar</translation>
    </message>
    <message numerus="yes">
        <source>This untitled project has %n photo(s) and is not saved under a name.</source>
        <translation>
            <numerusform>Este proyecto sin título tiene %n foto y no está guardado con un nombre.</numerusform>
            <numerusform>Este proyecto sin título tiene %n fotos y no está guardado con un nombre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save it to keep the photos and their results, or discard it.</source>
        <translation>Guárdelo para conservar las fotos y sus resultados, o descártelo.</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Recuperar trabajo sin guardar</translation>
    </message>
    <message numerus="yes">
        <source>An untitled project with %n photo(s), last changed %1, was not saved when StreetLens ended.</source>
        <translation>
            <numerusform>Un proyecto sin título con %n foto, modificado por última vez el %1, no se guardó al cerrarse StreetLens.</numerusform>
            <numerusform>Un proyecto sin título con %n fotos, modificado por última vez el %1, no se guardó al cerrarse StreetLens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover it to go on with it (File &gt; Save project as… keeps it under a name), or discard it.</source>
        <translation>Recupérelo para seguir con él (Archivo &gt; Guardar proyecto como… lo guarda con un nombre), o descártelo.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>streetlens::ui::UserGuideDialog</name>
    <message>
        <source>The user guide is not part of this build.</source>
        <translation>La guía del usuario no forma parte de esta compilación.</translation>
    </message>
    <message>
        <source>StreetLens user guide</source>
        <translation>Guía del usuario de StreetLens</translation>
    </message>
</context>
</TS>
