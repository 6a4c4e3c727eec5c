<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MethodWording</name>
    <message>
        <location filename="../app/methodwording.cpp" line="26"/>
        <source>Drag a slider after the first merge to re-merge the experts.</source>
        <translation>Ziehen Sie nach der ersten Zusammenführung einen Schieberegler, um die Experten neu zusammenzuführen.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="28"/>
        <source>&amp;Experts of:</source>
        <translation>&amp;Experten von:</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="29"/>
        <source>Re-merged and scored %1 samples in %2 s (average reward %3).</source>
        <translation>Neu zusammengeführt und %1 Samples in %2 s bewertet (mittlere Belohnung %3).</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="30"/>
        <source>Samples of the re-merge %1</source>
        <translation>Samples der Neuzusammenführung %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="31"/>
        <source>experts of round %1</source>
        <translation>Experten von Runde %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="32"/>
        <source>Round %1 merged. Drag a slider to re-merge the experts with other weights.</source>
        <translation>Runde %1 zusammengeführt. Ziehen Sie einen Schieberegler, um die Experten mit anderen Gewichten neu zusammenzuführen.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="33"/>
        <source>The experts of round %1 are ready: drag a slider or sweep.</source>
        <translation>Die Experten von Runde %1 sind bereit: Regler ziehen oder Durchlauf starten.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="34"/>
        <source>The experts of round %1 reach, over %2 re-merges: %3.</source>
        <translation>Die Experten von Runde %1 erreichen über %2 Neuzusammenführungen: %3.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="35"/>
        <source>They are only m steps apart, so the sliders barely move the policy: choose an earlier round, or train with a larger m.</source>
        <translation>Sie liegen nur m Schritte auseinander, daher bewegen die Regler die Policy kaum: wählen Sie eine frühere Runde oder trainieren Sie mit größerem m.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="46"/>
        <source>MORLHF trains one policy for the task&apos;s weights: there are no experts to re-merge. Train IterativeRS or RS to steer the trade-off.</source>
        <translation>MORLHF trainiert eine Policy für die Gewichte der Aufgabe: Es gibt keine Experten zum Neu-Zusammenführen. Trainieren Sie IterativeRS oder RS, um den Kompromiss zu steuern.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="48"/>
        <source>MORLHF trains one policy: no experts drift apart.</source>
        <translation>MORLHF trainiert eine Policy: Keine Experten entfernen sich voneinander.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="49"/>
        <source>Round %1 evaluated.</source>
        <translation>Runde %1 bewertet.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="53"/>
        <source>Weights w of CLP&apos;s one policy; they always sum to 1. Dragging composes its parameters θ(w) = Σ wᵢ θᵢ: it was trained for every weighting.</source>
        <translation>Gewichte w der einen CLP-Policy; ihre Summe ist immer 1. Ziehen setzt ihre Parameter θ(w) = Σ wᵢ θᵢ zusammen: Sie wurde für jede Gewichtung trainiert.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="55"/>
        <source>CLP trains one policy for every weighting: after the first evaluation, a slider composes its parameters for the weights you set.</source>
        <translation>CLP trainiert eine Policy für jede Gewichtung: Nach der ersten Bewertung setzt ein Schieberegler ihre Parameter für die gewählten Gewichte zusammen.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="57"/>
        <source>CLP trains one steerable policy: no experts drift apart.</source>
        <translation>CLP trainiert eine steuerbare Policy: Keine Experten driften auseinander.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="58"/>
        <source>&amp;Policy of:</source>
        <translation>&amp;Policy von:</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="59"/>
        <source>Composed θ(w) and scored %1 samples in %2 s (average reward %3).</source>
        <translation>θ(w) zusammengesetzt und %1 Samples in %2 s bewertet (mittlere Belohnung %3).</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="60"/>
        <source>Samples of θ(w) for %1</source>
        <translation>Samples von θ(w) für %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="61"/>
        <source>policy of round %1</source>
        <translation>Policy von Runde %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="63"/>
        <source>Round %1 evaluated. Drag a slider to compose the policy for other weights.</source>
        <translation>Runde %1 bewertet. Ziehen Sie einen Schieberegler, um die Policy für andere Gewichte zusammenzusetzen.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="64"/>
        <source>The policy of round %1 is ready: drag a slider or sweep.</source>
        <translation>Die Policy von Runde %1 ist bereit: Regler ziehen oder Durchlauf starten.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="65"/>
        <source>The policy of round %1 reaches, over %2 weightings: %3.</source>
        <translation>Die Policy von Runde %1 erreicht über %2 Gewichtungen: %3.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="66"/>
        <source>The sliders barely move this policy yet: train it longer.</source>
        <translation>Die Regler bewegen diese Policy noch kaum: trainieren Sie länger.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="70"/>
        <source>Weights w of RiC&apos;s one model; they always sum to 1. Dragging writes the rewards that w maps to into its prompt: the parameters stay as trained.</source>
        <translation>Gewichte w des einen Modells von RiC; ihre Summe ist immer 1. Ziehen schreibt die Belohnungen, auf die w abbildet, in seinen Prompt: die Parameter bleiben wie trainiert.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="72"/>
        <source>RiC fine-tunes one model on reward tokens: after the first round, a slider asks it for the rewards your weights map to.</source>
        <translation>RiC feintunt ein Modell auf Belohnungs-Tokens: nach der ersten Runde fragt ein Schieberegler es nach den Belohnungen, auf die Ihre Gewichte abbilden.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="74"/>
        <source>RiC trains one model: no experts drift apart.</source>
        <translation>RiC trainiert ein Modell: keine Experten driften auseinander.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="75"/>
        <source>&amp;Model of:</source>
        <translation>&amp;Modell von:</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="76"/>
        <source>Prompted the model with the rewards w maps to and scored %1 samples in %2 s (average reward %3).</source>
        <translation>Das Modell mit den Belohnungen zu w gepromptet und %1 Samples in %2 s bewertet (mittlere Belohnung %3).</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="78"/>
        <source>Samples prompted for %1</source>
        <translation>Samples, gepromptet für %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="79"/>
        <source>model of round %1</source>
        <translation>Modell von Runde %1</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="80"/>
        <source>Round %1 fitted. Drag a slider to ask the model for other rewards.</source>
        <translation>Runde %1 angepasst. Ziehen Sie einen Schieberegler, um das Modell nach anderen Belohnungen zu fragen.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="81"/>
        <source>The model of round %1 is ready: drag a slider or sweep.</source>
        <translation>Das Modell von Runde %1 ist bereit: Regler ziehen oder Durchlauf starten.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="82"/>
        <source>The model of round %1 reaches, over %2 weightings: %3.</source>
        <translation>Das Modell von Runde %1 erreicht über %2 Gewichtungen: %3.</translation>
    </message>
    <message>
        <location filename="../app/methodwording.cpp" line="83"/>
        <source>The sliders barely move this model yet: train it longer.</source>
        <translation>Die Regler bewegen dieses Modell noch kaum: trainieren Sie länger.</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../widgets/plotexport.cpp" line="36"/>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="45"/>
        <source>the file could not be written</source>
        <translation>die Datei konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="50"/>
        <location filename="../widgets/plotexport.cpp" line="80"/>
        <source>Could not export the plot to “%1”: %2.</source>
        <translation>Der Plot konnte nicht nach „%1“ exportiert werden: %2.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="67"/>
        <source>Plot exported by ParetoLab</source>
        <translation>Von ParetoLab exportierter Plot</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="100"/>
        <location filename="../widgets/plotexport.cpp" line="110"/>
        <source>Export plot</source>
        <translation>Plot exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="142"/>
        <source>There is no plot to export.</source>
        <translation>Es gibt keinen Plot zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="144"/>
        <source>No file name was given for the plot.</source>
        <translation>Für den Plot wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="148"/>
        <source>The plot has no size to export.</source>
        <translation>Der Plot hat keine exportierbare Größe.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="170"/>
        <source>“%1” has no file extension: use .png, .svg or .pdf.</source>
        <translation>„%1“ hat keine Dateiendung: Verwenden Sie .png, .svg oder .pdf.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="174"/>
        <source>Plots cannot be exported as “.%1”: use .png, .svg or .pdf.</source>
        <translation>Plots können nicht als „.%1“ exportiert werden: Verwenden Sie .png, .svg oder .pdf.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="191"/>
        <source>Export plot as PNG…</source>
        <translation>Plot als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="194"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="196"/>
        <source>Export plot as SVG…</source>
        <translation>Plot als SVG exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="199"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="201"/>
        <source>Export plot as PDF…</source>
        <translation>Plot als PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="204"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PriorText</name>
    <message>
        <location filename="../app/priordescription.cpp" line="34"/>
        <source>Pretrained on the domain&apos;s corpus (cached)</source>
        <translation>Auf dem Korpus der Domäne vortrainiert (zwischengespeichert)</translation>
    </message>
    <message>
        <location filename="../app/priordescription.cpp" line="35"/>
        <source>Pretrained on the domain&apos;s corpus at the first Start</source>
        <translation>Wird beim ersten Start auf dem Korpus der Domäne vortrainiert</translation>
    </message>
    <message>
        <location filename="../app/priordescription.cpp" line="43"/>
        <source>%1: %2 % valid, %3 % unique@10k, %4 % novel</source>
        <translation>%1: %2 % gültig, %3 % eindeutig@10k, %4 % neu</translation>
    </message>
    <message>
        <location filename="../app/priordescription.cpp" line="51"/>
        <source>Measured on %1 samples at temperature %2 (MOSES definitions):</source>
        <translation>Gemessen an %1 Stichproben bei Temperatur %2 (Definitionen von MOSES):</translation>
    </message>
    <message>
        <location filename="../app/priordescription.cpp" line="72"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>RunSetupPanel</name>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="39"/>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="40"/>
        <source>maximize</source>
        <translation>maximieren</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="41"/>
        <source>minimize</source>
        <translation>minimieren</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="42"/>
        <source>target ± tolerance</source>
        <translation>Zielwert ± Toleranz</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="43"/>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="44"/>
        <source>double sigmoid</source>
        <translation>Doppel-Sigmoid</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <location filename="../app/screenshot.cpp" line="19"/>
        <source>could not render the window</source>
        <translation>das Fenster konnte nicht gerendert werden</translation>
    </message>
    <message>
        <location filename="../app/screenshot.cpp" line="22"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="32"/>
        <source>Multi-reward fine-tuning with IterativeRS</source>
        <translation>Feinabstimmung auf mehrere Belohnungen mit IterativeRS</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="37"/>
        <source>Save the window to &lt;file&gt; as PNG, then exit.</source>
        <translation>Das Fenster als PNG in &lt;file&gt; speichern, dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="41"/>
        <source>Open this task: the name of a bundled task or a task file.</source>
        <translation>Diese Aufgabe öffnen: der Name einer mitgelieferten Aufgabe oder eine Aufgabendatei.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="45"/>
        <source>With --screenshot: train this many steps first.</source>
        <translation>Mit --screenshot: vorher so viele Schritte trainieren.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="49"/>
        <source>Interface language: en, de.</source>
        <translation>Sprache der Oberfläche: en, de.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="53"/>
        <source>The window&apos;s size, e.g. 1280x720 (for screenshots).</source>
        <translation>Die Fenstergröße, z. B. 1280x720 (für Bildschirmfotos).</translation>
    </message>
</context>
<context>
    <name>paretolab::app::ExportActions</name>
    <message>
        <location filename="../app/exportactions.cpp" line="40"/>
        <source>&amp;Export samples…</source>
        <translation>&amp;Samples exportieren…</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="40"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="41"/>
        <source>Export front &amp;points…</source>
        <translation>Front&amp;punkte exportieren…</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="42"/>
        <source>Export &amp;Pareto plot…</source>
        <translation>&amp;Pareto-Plot exportieren…</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="45"/>
        <source>Export &amp;reward plot…</source>
        <translation>Belohnungsp&amp;lot exportieren…</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="105"/>
        <source>Exported %1 of %2 samples to %3.</source>
        <translation>%1 von %2 Samples nach %3 exportiert.</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="110"/>
        <source>Skipped %1: %2 (sample %3 and others).</source>
        <translation>%1 übersprungen: %2 (Sample %3 und weitere).</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="122"/>
        <source>There are no samples to export yet.</source>
        <translation>Es gibt noch keine Samples zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="134"/>
        <location filename="../app/exportactions.cpp" line="140"/>
        <source>Export samples</source>
        <translation>Samples exportieren</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="148"/>
        <source>There are no points on the front yet.</source>
        <translation>Auf der Front gibt es noch keine Punkte.</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="152"/>
        <location filename="../app/exportactions.cpp" line="162"/>
        <source>Export front points</source>
        <translation>Frontpunkte exportieren</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="152"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="160"/>
        <source>Exported %1 points to %2.</source>
        <translation>%1 Punkte nach %2 exportiert.</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="170"/>
        <location filename="../app/exportactions.cpp" line="181"/>
        <source>Export plot</source>
        <translation>Plot exportieren</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="170"/>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>Bilder (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <location filename="../app/exportactions.cpp" line="183"/>
        <source>Exported the plot to %1.</source>
        <translation>Diagramm nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>paretolab::app::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="47"/>
        <source>ParetoLab</source>
        <translation>ParetoLab</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="56"/>
        <source>Reward per objective</source>
        <translation>Belohnung je Ziel</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="57"/>
        <source>Rewards</source>
        <translation>Belohnungen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="58"/>
        <source>Expert divergence at each merge</source>
        <translation>Abstand der Experten bei jedem Zusammenführen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="59"/>
        <source>Divergence</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="61"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="111"/>
        <source>Run setup</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="130"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="137"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="144"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="145"/>
        <source>&amp;Open task…</source>
        <translation>Aufgabe ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="147"/>
        <source>Open task</source>
        <translation>Aufgabe öffnen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="147"/>
        <source>Task files (*.json)</source>
        <translation>Aufgabendateien (*.json)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="151"/>
        <source>R&amp;uns…</source>
        <translation>Lä&amp;ufe…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="151"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="152"/>
        <source>&amp;Recent tasks</source>
        <translation>&amp;Zuletzt geöffnete Aufgaben</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="156"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="196"/>
        <source>Trained on %1 (cached)</source>
        <translation>Auf %1 trainiert (zwischengespeichert)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="197"/>
        <source>%1
Pretrained on %2</source>
        <translation>%1
Vortrainiert auf %2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="308"/>
        <source>ParetoLab — run %1: %2</source>
        <translation>ParetoLab — Lauf %1: %2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="327"/>
        <source>Cannot show run %1: %2</source>
        <translation>Lauf %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="334"/>
        <source>Run %1 is training in another process: step %2 of %3, read at %4.</source>
        <translation>Lauf %1 trainiert in einem anderen Prozess: Schritt %2 von %3, gelesen um %4.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="342"/>
        <source>Run %1 has ended (%2).</source>
        <translation>Lauf %1 ist beendet (%2).</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="159"/>
        <source>&amp;Run</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="166"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="74"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="75"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="85"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="86"/>
        <source>The language changes when ParetoLab is started again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von ParetoLab.</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="97"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="98"/>
        <source>&amp;About ParetoLab</source>
        <translation>Ü&amp;ber ParetoLab</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="215"/>
        <source>The run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="220"/>
        <source>run %1 (%2)</source>
        <translation>Lauf %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="223"/>
        <source>The run is not recorded</source>
        <translation>Der Lauf wird nicht aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="253"/>
        <source>ParetoLab — %1</source>
        <translation>ParetoLab — %1</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="254"/>
        <source>Loaded %1. Press Start (F5) to train.</source>
        <translation>%1 geladen. Drücken Sie Start (F5), um das Training zu beginnen.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="259"/>
        <source>Cannot load the task: %1</source>
        <translation>Die Aufgabe kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="260"/>
        <source>Cannot load the task</source>
        <translation>Aufgabe kann nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="104"/>
        <source>About ParetoLab</source>
        <translation>Über ParetoLab</translation>
    </message>
    <message>
        <location filename="../app/windowhelp.cpp" line="105"/>
        <source>&lt;h3&gt;ParetoLab %1&lt;/h3&gt;&lt;p&gt;Fine-tune generative models on several rewards at once with IterativeRS (Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF and Rewarded Soups.&lt;/p&gt;&lt;p&gt;LibTorch %2 · RDKit %3 · Qt %4&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ParetoLab %1&lt;/h3&gt;&lt;p&gt;Feinabstimmung generativer Modelle auf mehrere Belohnungen zugleich mit IterativeRS (Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF und Rewarded Soups.&lt;/p&gt;&lt;p&gt;LibTorch %2 · RDKit %3 · Qt %4&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="294"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="299"/>
        <source>Opened run %1 (%2, %3 steps).</source>
        <translation>Lauf %1 geöffnet (%2, %3 Schritte).</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="291"/>
        <source>Cannot open run %1: %2</source>
        <translation>Lauf %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>paretolab::app::RunActions</name>
    <message>
        <location filename="../app/runactions.cpp" line="14"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="17"/>
        <source>Start training (F5). The prior is pretrained first if it is not cached.</source>
        <translation>Training starten (F5). Der Prior wird zuerst vortrainiert, falls er nicht im Cache liegt.</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="18"/>
        <location filename="../app/runactions.cpp" line="84"/>
        <source>Pretrain the p&amp;rior</source>
        <translation>P&amp;rior vortrainieren</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="19"/>
        <source>Train the prior on the domain&apos;s corpus now and cache it.</source>
        <translation>Den Prior jetzt auf dem Korpus der Domäne trainieren und zwischenspeichern.</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="20"/>
        <location filename="../app/runactions.cpp" line="86"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="22"/>
        <source>S&amp;top</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="24"/>
        <source>S&amp;weep the simplex</source>
        <translation>S&amp;implex abtasten</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="25"/>
        <source>Evaluate a grid of weights over the simplex from the latest experts: the Rewarded-Soups front of this run.</source>
        <translation>Ein Gitter von Gewichten über dem Simplex mit den neuesten Experten auswerten: die Rewarded-Soups-Front dieses Laufs.</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="47"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="84"/>
        <source>Prior cached</source>
        <translation>Prior zwischengespeichert</translation>
    </message>
    <message>
        <location filename="../app/runactions.cpp" line="86"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>paretolab::app::RunLibrary</name>
    <message>
        <location filename="../app/runlibrary.cpp" line="59"/>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="60"/>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="61"/>
        <source>objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="62"/>
        <source>merge period m</source>
        <translation>Zusammenführungsperiode m</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="64"/>
        <source>experts per round M</source>
        <translation>Experten je Runde M</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="65"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="66"/>
        <source>steps T</source>
        <translation>Schritte T</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="67"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="68"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="69"/>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="70"/>
        <source>KL β</source>
        <translation>KL β</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="71"/>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="72"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="73"/>
        <source>steps done</source>
        <translation>erledigte Schritte</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="204"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="225"/>
        <source>average reward</source>
        <translation>mittlere Belohnung</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="226"/>
        <source>ICV (samples)</source>
        <translation>ICV (Samples)</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="228"/>
        <source>objective balance</source>
        <translation>Ausgewogenheit der Ziele</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="229"/>
        <source>hypervolume of the merged policies</source>
        <translation>Hypervolumen der zusammengeführten Policies</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="231"/>
        <source>KL to the prior</source>
        <translation>KL zum Prior</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="237"/>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="261"/>
        <source>Resume the interrupted run?</source>
        <translation>Den unterbrochenen Lauf fortsetzen?</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="262"/>
        <source>Run %1 (“%2”) stopped unexpectedly after %3 steps. Resume it from its last merge round?</source>
        <translation>Lauf %1 („%2“) wurde nach %3 Schritten unerwartet beendet. Ab der letzten Merge-Runde fortsetzen?</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="269"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/runlibrary.cpp" line="270"/>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>paretolab::app::RunPresenter</name>
    <message>
        <location filename="../app/runpresenter.cpp" line="207"/>
        <source>Sweep: %1 of %2 weight vectors</source>
        <translation>Abtastung: %1 von %2 Gewichtsvektoren</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="210"/>
        <source>Sweep stopped after %1 of %2 weight vectors.</source>
        <translation>Durchlauf nach %1 von %2 Gewichtsvektoren abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="298"/>
        <location filename="../app/runpresenter.cpp" line="360"/>
        <source>Prior</source>
        <translation>Prior</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="298"/>
        <location filename="../app/runpresenter.cpp" line="360"/>
        <source>Round %1, step %2</source>
        <translation>Runde %1, Schritt %2</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="143"/>
        <source>Samples of the prior</source>
        <translation>Samples des Priors</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="321"/>
        <source>λ = (%1), %2</source>
        <translation>λ = (%1), %2</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="324"/>
        <source>λ = (%1)</source>
        <translation>λ = (%1)</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="119"/>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="146"/>
        <source>Samples of the merged policy: %1</source>
        <translation>Samples der zusammengeführten Policy: %1</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="152"/>
        <source>Samples of the sweep point %1</source>
        <translation>Samples des Durchlaufpunkts %1</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="156"/>
        <source>(pinned)</source>
        <translation>(angeheftet)</translation>
    </message>
    <message>
        <location filename="../app/runpresenter.cpp" line="394"/>
        <source>Samples of run %1, %2</source>
        <translation>Samples von Lauf %1, %2</translation>
    </message>
</context>
<context>
    <name>paretolab::app::RunStatus</name>
    <message>
        <location filename="../app/runstatus.cpp" line="32"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="37"/>
        <location filename="../app/runstatus.cpp" line="158"/>
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="53"/>
        <source>Prior pretrained and cached in %1</source>
        <translation>Prior vortrainiert und in %1 zwischengespeichert</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="54"/>
        <source>Prior loaded from %1</source>
        <translation>Prior aus %1 geladen</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="57"/>
        <source>Training; recorded as run %1.</source>
        <translation>Training läuft; aufgezeichnet als Lauf %1.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="61"/>
        <source>Stopped after %1 steps.</source>
        <translation>Nach %1 Schritten gestoppt.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="61"/>
        <source>Finished %1 steps.</source>
        <translation>%1 Schritte abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="64"/>
        <source>Average reward %1 → %2.</source>
        <translation>Mittlere Belohnung %1 → %2.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="69"/>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="117"/>
        <source>Run %1: %2 of %3 steps, %4</source>
        <translation>Lauf %1: %2 von %3 Schritten, %4</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="130"/>
        <source>Loading the prior (pretrained on first use, then cached)…</source>
        <translation>Prior wird geladen (beim ersten Mal vortrainiert, danach aus dem Cache)…</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="131"/>
        <source>Preparing…</source>
        <translation>Vorbereitung…</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="140"/>
        <source>Training…</source>
        <translation>Training…</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="144"/>
        <source>Paused. Resume (F6) to go on.</source>
        <translation>Pausiert. Fortsetzen (F6), um weiterzumachen.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="145"/>
        <source>Paused at %v / %m steps</source>
        <translation>Pausiert bei %v / %m Schritten</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="148"/>
        <source>Done: %v / %m steps</source>
        <translation>Fertig: %v / %m Schritte</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="152"/>
        <source>Pretraining stopped. Its last finished epoch is kept, and pretraining goes on from there next time.</source>
        <translation>Vortraining angehalten. Die letzte fertige Epoche bleibt erhalten; beim nächsten Mal geht es dort weiter.</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="169"/>
        <source>Pretraining the prior %p% · ETA %1</source>
        <translation>Vortraining des Priors %p% · Restzeit %1</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="171"/>
        <source>Pretraining the prior: validation NLL %1 per token, %2% of samples valid</source>
        <translation>Vortraining des Priors: Validierungs-NLL %1 pro Token, %2 % der Stichproben gültig</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="176"/>
        <source>Pretraining the prior: validation NLL %1 per token</source>
        <translation>Vortraining des Priors: Validierungs-NLL %1 pro Token</translation>
    </message>
    <message>
        <location filename="../app/runstatus.cpp" line="185"/>
        <source>%v / %m steps · ETA %1</source>
        <translation>%v / %m Schritte · Restzeit %1</translation>
    </message>
</context>
<context>
    <name>paretolab::app::TrainingController</name>
    <message>
        <location filename="../app/trainingcontroller.cpp" line="357"/>
        <location filename="../app/trainingcontroller.cpp" line="384"/>
        <location filename="../app/trainingcontroller.cpp" line="404"/>
        <source>There are no experts to merge yet: start a run first.</source>
        <translation>Es gibt noch keine Experten zum Zusammenführen: Starten Sie zuerst einen Lauf.</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::AnnotatedSampleView</name>
    <message>
        <location filename="../widgets/annotatedsampleview.cpp" line="39"/>
        <source>, forward strand</source>
        <translation>, Vorwärtsstrang</translation>
    </message>
    <message>
        <location filename="../widgets/annotatedsampleview.cpp" line="41"/>
        <source>, reverse strand</source>
        <translation>, Rückwärtsstrang</translation>
    </message>
    <message>
        <location filename="../widgets/annotatedsampleview.cpp" line="121"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::DivergencePlot</name>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="41"/>
        <source>Merge round</source>
        <translation>Zusammenführungsrunde</translation>
    </message>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="42"/>
        <source>Parameter distance (relative)</source>
        <translation>Parameterabstand (relativ)</translation>
    </message>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="43"/>
        <source>KL to an expert (per token)</source>
        <translation>KL zu einem Experten (pro Token)</translation>
    </message>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="52"/>
        <source>parameter distance</source>
        <translation>Parameterabstand</translation>
    </message>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="54"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <location filename="../widgets/divergenceplot.cpp" line="87"/>
        <source>Each merge adds a point.</source>
        <translation>Jedes Zusammenführen fügt einen Punkt hinzu.</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::ObjectivesEditor</name>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="89"/>
        <source>low</source>
        <translation>unten</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="91"/>
        <source>high</source>
        <translation>oben</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="93"/>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="95"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="97"/>
        <source>centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="98"/>
        <source>scale</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="139"/>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="139"/>
        <source>Weight w</source>
        <translation>Gewicht w</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="139"/>
        <source>Transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="150"/>
        <source>Each objective has an expert policy. Weights set how the experts are merged (λ = w / Σw); transforms map raw values to rewards in [0, 1].</source>
        <translation>Jedes Ziel hat eine Experten-Policy. Die Gewichte bestimmen die Zusammenführung (λ = w / Σw); Transformationen bilden Rohwerte auf Belohnungen in [0, 1] ab.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="155"/>
        <source>&amp;Add objective</source>
        <translation>Ziel &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="166"/>
        <source>The selected objective&apos;s transform: reward against raw value</source>
        <translation>Die Transformation des gewählten Ziels: Belohnung über Rohwert</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="278"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="298"/>
        <source>Remove this objective</source>
        <translation>Dieses Ziel entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="366"/>
        <source>The weight of %1 is empty.</source>
        <translation>Das Gewicht von %1 ist leer.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="367"/>
        <source>The weight of %1 must be a number of at least 0, not “%2”.</source>
        <translation>Das Gewicht von %1 muss eine Zahl von mindestens 0 sein, nicht „%2“.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="374"/>
        <source>The %1 of %2&apos;s transform must be a number, not “%3”.</source>
        <translation>Der Wert „%1“ der Transformation von %2 muss eine Zahl sein, nicht „%3“.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="381"/>
        <source>The transform of %1 needs low below high.</source>
        <translation>Die Transformation von %1 braucht unten kleiner als oben.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="383"/>
        <source>The tolerance of %1&apos;s target must be above 0.</source>
        <translation>Die Toleranz des Ziels von %1 muss größer als 0 sein.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="385"/>
        <source>The scale of %1&apos;s sigmoid must not be 0.</source>
        <translation>Die Breite des Sigmoids von %1 darf nicht 0 sein.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="396"/>
        <source>Add at least one objective.</source>
        <translation>Fügen Sie mindestens ein Ziel hinzu.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="405"/>
        <source>%1 is listed twice.</source>
        <translation>%1 steht doppelt in der Liste.</translation>
    </message>
    <message>
        <location filename="../widgets/objectiveseditor.cpp" line="410"/>
        <source>At least one objective needs a weight above 0.</source>
        <translation>Mindestens ein Ziel benötigt ein Gewicht größer als 0.</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::ParetoPlot</name>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="72"/>
        <source>Prior</source>
        <translation>Prior</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="74"/>
        <source>Merge rounds</source>
        <translation>Merge-Runden</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="76"/>
        <source>Re-merges</source>
        <translation>Re-Merges</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="78"/>
        <source>RS sweep</source>
        <translation>RS-Abtastung</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="121"/>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="135"/>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="163"/>
        <source>Objective %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="278"/>
        <source>on the Pareto front</source>
        <translation>auf der Pareto-Front</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="278"/>
        <source>dominated</source>
        <translation>dominiert</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="282"/>
        <source>%1 reward</source>
        <translation>%1-Belohnung</translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="404"/>
        <location filename="../widgets/paretoplot.cpp" line="405"/>
        <source>%1 (reward)</source>
        <translation>%1 (Belohnung)</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/paretoview.cpp" line="40"/>
        <source>Objective on the horizontal axis</source>
        <translation>Ziel auf der horizontalen Achse</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="43"/>
        <source>Objective on the vertical axis</source>
        <translation>Ziel auf der vertikalen Achse</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="44"/>
        <source>&amp;X:</source>
        <translation>&amp;X:</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="46"/>
        <source>&amp;Y:</source>
        <translation>&amp;Y:</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="62"/>
        <source>Hypervolume: the volume the non-dominated policies dominate above the origin, over all objectives; higher is better.
ICV (samples), the paper&apos;s: mean over standard deviation of the selected policy&apos;s per-sample average rewards; higher means fewer poor samples.
Objective balance: mean over standard deviation of its per-objective means; higher means the objectives are more evenly met.</source>
        <translation>Hypervolumen: das Volumen, das die nicht dominierten Policies über dem Ursprung dominieren, über alle Ziele; höher ist besser.
ICV (Stichproben), wie im Paper: Mittelwert geteilt durch Standardabweichung der mittleren Belohnung je Stichprobe der ausgewählten Policy; höher heißt, weniger schlechte Stichproben.
Ausgewogenheit der Ziele: Mittelwert geteilt durch Standardabweichung ihrer Mittelwerte je Ziel; höher heißt, die Ziele werden gleichmäßiger erfüllt.</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="150"/>
        <source>ICV (samples) %1 · objective balance %2 (selected)</source>
        <translation>ICV (Stichproben) %1 · Ausgewogenheit %2 (ausgewählt)</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="154"/>
        <source>ICV (samples) – (select a point)</source>
        <translation>ICV (Stichproben) – (Punkt auswählen)</translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="141"/>
        <source>Hypervolume %1</source>
        <translation>Hypervolumen %1</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::PictureGrid</name>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="169"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="175"/>
        <location filename="../widgets/picturegrid.cpp" line="382"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="194"/>
        <source>Sort &amp;by:</source>
        <translation>Sortieren &amp;nach:</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="202"/>
        <source>Reverse the order</source>
        <translation>Reihenfolge umkehren</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="231"/>
        <source>&amp;Copy samples</source>
        <translation>Samples &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="257"/>
        <source>Generation order</source>
        <translation>Erzeugungsreihenfolge</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="353"/>
        <source>Highest first</source>
        <translation>Höchste zuerst</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="353"/>
        <source>Lowest first</source>
        <translation>Niedrigste zuerst</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="387"/>
        <source>%1 (raw): %2</source>
        <translation>%1 (roh): %2</translation>
    </message>
    <message>
        <location filename="../widgets/picturegrid.cpp" line="403"/>
        <source>1 sample</source>
        <translation>1 Sample</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/picturegrid.cpp" line="403"/>
        <source>%n samples</source>
        <translation>
            <numerusform>%n Sample</numerusform>
            <numerusform>%n Samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::PlotExportDialog</name>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="15"/>
        <source>Export plot</source>
        <translation>Plot exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="21"/>
        <location filename="../widgets/plotexportdialog.cpp" line="25"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="27"/>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="28"/>
        <source>&amp;Height:</source>
        <translation>&amp;Höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="31"/>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="35"/>
        <source>Journals ask for 300 dpi or more.</source>
        <translation>Zeitschriften verlangen 300 dpi oder mehr.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="36"/>
        <source>SVG and PDF are vector formats: sharp at any resolution.</source>
        <translation>SVG und PDF sind Vektorformate: scharf bei jeder Auflösung.</translation>
    </message>
    <message>
        <location filename="../widgets/plotexportdialog.cpp" line="37"/>
        <source>&amp;Resolution:</source>
        <translation>&amp;Auflösung:</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RewardPlot</name>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="55"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="56"/>
        <source>Mean reward (transformed)</source>
        <translation>Mittlere Belohnung (transformiert)</translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="116"/>
        <source>thin: each training step (one line per expert); thick: each round&apos;s policy</source>
        <translation>dünn: jeder Trainingsschritt (eine Linie je Experte); dick: die Policy jeder Runde</translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="138"/>
        <source>%1 expert: %2</source>
        <translation>Experte für %1: %2</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RunBrowser</name>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="18"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="23"/>
        <source>Merges</source>
        <translation>Merges</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="32"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="33"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="34"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="35"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="36"/>
        <source>Overlay the curves and fronts of the selected runs (two or more).</source>
        <translation>Legt die Kurven und Fronten der ausgewählten Läufe übereinander (zwei oder mehr).</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="60"/>
        <source>Rename run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="60"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../widgets/runbrowser.cpp" line="68"/>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/runbrowser.cpp" line="69"/>
        <source>Delete %n run(s) with their metrics and samples? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf mit seinen Metriken und Samples löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Läufe mit ihren Metriken und Samples löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RunComparison</name>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="48"/>
        <source>Settings and final metrics; highlighted rows differ between the runs</source>
        <translation>Einstellungen und Endwerte; hervorgehobene Zeilen unterscheiden sich zwischen den Läufen</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="56"/>
        <source>Average reward</source>
        <translation>Mittlere Belohnung</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="56"/>
        <source>Hypervolume of the merged policies</source>
        <translation>Hypervolumen der zusammengeführten Policies</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="56"/>
        <source>ICV (over samples)</source>
        <translation>ICV (über Samples)</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="59"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="67"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="69"/>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <location filename="../widgets/runcomparison.cpp" line="192"/>
        <location filename="../widgets/runcomparison.cpp" line="193"/>
        <source>%1 (reward)</source>
        <translation>%1 (Belohnung)</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RunSetupPanel</name>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="54"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="60"/>
        <source>Tasks that come with ParetoLab; open your own with the … button.</source>
        <translation>Mit ParetoLab mitgelieferte Aufgaben; eigene Aufgaben öffnen Sie mit der Schaltfläche „…“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="64"/>
        <source>&amp;Bundled task:</source>
        <translation>Mitgelieferte Auf&amp;gabe:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="68"/>
        <source>Task file (.json)</source>
        <translation>Aufgabendatei (.json)</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="71"/>
        <source>Open a task file</source>
        <translation>Aufgabendatei öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="75"/>
        <source>Task file:</source>
        <translation>Aufgabendatei:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="77"/>
        <source>Domain:</source>
        <translation>Domäne:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="83"/>
        <source>Train on a &amp;file…</source>
        <translation>Auf einer &amp;Datei trainieren…</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="84"/>
        <source>Pretrain a prior on your own sequences (one per line, or any of the domain&apos;s formats) with this task&apos;s model, and use it</source>
        <translation>Einen Prior auf eigenen Sequenzen vortrainieren (eine pro Zeile oder in einem Format der Domäne), mit dem Modell dieser Aufgabe, und ihn verwenden</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="89"/>
        <source>Prior:</source>
        <translation>Prior:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="92"/>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="99"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="104"/>
        <source>IterativeRS</source>
        <translation>IterativeRS</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="105"/>
        <source>MORLHF</source>
        <translation>MORLHF</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="106"/>
        <source>Rewarded Soups</source>
        <translation>Rewarded Soups</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="107"/>
        <source>CLP</source>
        <translation>CLP</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="108"/>
        <source>RiC</source>
        <translation>RiC</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="110"/>
        <source>One expert per objective, merged every m steps (Ghari et al. 2025).</source>
        <translation>Ein Experte je Ziel, alle m Schritte zusammengeführt (Ghari et al. 2025).</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="112"/>
        <source>One policy trained on the weighted sum of the rewards.</source>
        <translation>Eine Policy, trainiert auf der gewichteten Summe der Belohnungen.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="114"/>
        <source>Experts trained apart and merged once, at the end (Ramé et al. 2023).</source>
        <translation>Getrennt trainierte Experten, einmal am Ende zusammengeführt (Ramé et al. 2023).</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="117"/>
        <source>Conditional Language Policy (Wang et al. 2024): one policy whose parameters are a weighted sum, trained for random weights.</source>
        <translation>Conditional Language Policy (Wang et al. 2024): eine Policy, deren Parameter eine gewichtete Summe sind, trainiert für zufällige Gewichte.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="120"/>
        <source>M&amp;ethod:</source>
        <translation>M&amp;ethode:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="138"/>
        <source>Merge period &amp;m:</source>
        <translation>Merge-Intervall &amp;m:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="145"/>
        <source>Experts per round &amp;M:</source>
        <translation>Experten pro R&amp;unde M:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="254"/>
        <location filename="../widgets/runsetuppanel.cpp" line="275"/>
        <location filename="../widgets/runsetuppanel.cpp" line="317"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="279"/>
        <source>One policy on Σ λᵢ Rᵢ: m sets how often it is evaluated; the sliders cannot steer it.</source>
        <translation>Eine Policy auf Σ λᵢ Rᵢ: m legt fest, wie oft sie bewertet wird; die Schieberegler steuern sie nicht.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="282"/>
        <source>One steerable policy θ(w) = Σ wᵢ θᵢ, trained for w drawn at random each step: m sets how often it is evaluated.</source>
        <translation>Eine steuerbare Policy θ(w) = Σ wᵢ θᵢ, in jedem Schritt für ein zufälliges w trainiert: m legt fest, wie oft sie bewertet wird.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="285"/>
        <source>One model fine-tuned on the rewards written in its prompt: half of T on the corpus, then online rounds of m steps; the sliders choose the rewards it is asked for.</source>
        <translation>Ein Modell, feingetunt auf die Belohnungen in seinem Prompt: die Hälfte von T auf dem Korpus, dann Online-Runden von m Schritten; die Schieberegler wählen die erbetenen Belohnungen.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="289"/>
        <source>The experts train apart and merge once, at the end (m = T).</source>
        <translation>Die Experten trainieren getrennt und werden einmal am Ende zusammengeführt (m = T).</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="291"/>
        <source>The experts merge every m steps; m = T is Rewarded Soups.</source>
        <translation>Die Experten werden alle m Schritte zusammengeführt; m = T ist Rewarded Soups.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="459"/>
        <source>Pretrain a prior on a file</source>
        <translation>Einen Prior auf einer Datei vortrainieren</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="150"/>
        <source>Steps &amp;T:</source>
        <translation>Schritte &amp;T:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="139"/>
        <source>The experts are merged every m steps and all restart from the merge. m = 1 is IterativeRS&apos;s MORLHF limit; T merges once at the end (Rewarded Soups); the paper finds an intermediate m best.</source>
        <translation>Die Experten werden alle m Schritte zusammengeführt und starten alle von der Zusammenführung neu. m = 1 ist der MORLHF-Grenzfall von IterativeRS; T führt einmal am Ende zusammen (Rewarded Soups); das Paper findet ein mittleres m am besten.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="142"/>
        <source>a number of steps, or T</source>
        <translation>eine Anzahl Schritte oder T</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="146"/>
        <source>M of the N experts, drawn at random after each merge, train in the next round; “all” for every expert.</source>
        <translation>M der N Experten, nach jeder Zusammenführung zufällig gezogen, trainieren in der nächsten Runde; „all“ für alle Experten.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="151"/>
        <source>Total training steps; one step is one rollout batch and one policy update for each training expert.</source>
        <translation>Trainingsschritte insgesamt; ein Schritt umfasst einen Rollout-Batch und ein Policy-Update für jeden trainierenden Experten.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="155"/>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="156"/>
        <source>Adam&apos;s step size, above 0.</source>
        <translation>Adams Schrittweite, größer als 0.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="159"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="164"/>
        <source>β: weight of the per-token KL penalty that keeps each expert close to the prior. Larger keeps more diversity, smaller chases reward.</source>
        <translation>β: Gewicht der KL-Strafe pro Token, die jeden Experten nahe am Prior hält. Größere Werte erhalten mehr Diversität, kleinere optimieren stärker auf die Belohnung.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="163"/>
        <source>KL &amp;β:</source>
        <translation>KL &amp;β:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="160"/>
        <source>Sequences per rollout batch, at least 2.</source>
        <translation>Sequenzen je Rollout-Batch, mindestens 2.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="166"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Zufalls-Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="166"/>
        <source>The same seed gives the same run.</source>
        <translation>Derselbe Seed ergibt denselben Lauf.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="311"/>
        <source>The merge period m must be a whole number of steps of at least 1, or T for one merge at the end; “%1” is neither.</source>
        <translation>Die Zusammenführungsperiode m muss eine ganze Zahl von mindestens 1 Schritt sein oder T für eine Zusammenführung am Ende; „%1“ ist keins von beiden.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="322"/>
        <source>Experts per round M must be from 1 to %1, or “all”; not “%2”.</source>
        <translation>Experten je Runde M muss zwischen 1 und %1 liegen oder „all“ sein, nicht „%2“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="327"/>
        <source>Steps T must be a whole number of at least 1, not “%1”.</source>
        <translation>Schritte T muss eine ganze Zahl von mindestens 1 sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="331"/>
        <source>The learning rate must be a number above 0 and at most 10, not “%1”.</source>
        <translation>Die Lernrate muss eine Zahl größer als 0 und höchstens 10 sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="336"/>
        <source>The batch size must be a whole number of at least 2, not “%1”.</source>
        <translation>Die Batchgröße muss eine ganze Zahl von mindestens 2 sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="340"/>
        <source>KL β must be a number from 0 to 100, not “%1”.</source>
        <translation>KL β muss eine Zahl von 0 bis 100 sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="343"/>
        <source>The seed must be a whole number of at least 0, not “%1”.</source>
        <translation>Der Seed muss eine ganze Zahl von mindestens 0 sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="404"/>
        <source>Choose a task.</source>
        <translation>Wählen Sie eine Aufgabe.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="345"/>
        <source>The merge period m (%1) is longer than the run (T = %2): choose T for one merge at the end.</source>
        <translation>Das Merge-Intervall m (%1) ist länger als der Lauf (T = %2): Wählen Sie T für eine einzige Zusammenführung am Ende.</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="450"/>
        <source>Open task</source>
        <translation>Aufgabe öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="450"/>
        <source>Task files (*.json)</source>
        <translation>Aufgabendateien (*.json)</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::SamplesTable</name>
    <message>
        <location filename="../widgets/samplestable.cpp" line="65"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/samplestable.cpp" line="65"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../widgets/samplestable.cpp" line="67"/>
        <source>%1 (raw)</source>
        <translation>%1 (roh)</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::SamplesView</name>
    <message>
        <location filename="../widgets/samplesview.cpp" line="27"/>
        <source>Follow the latest</source>
        <translation>Dem Neuesten folgen</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="28"/>
        <source>Show the samples of each new merge round as it comes</source>
        <translation>Die Samples jeder neuen Runde zeigen, sobald sie kommt</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="35"/>
        <source>&amp;Valid</source>
        <translation>&amp;Gültig</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="36"/>
        <source>&amp;Unique</source>
        <translation>&amp;Eindeutig</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="37"/>
        <source>&amp;Novel</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="38"/>
        <source>Only samples the domain accepts (a SMILES RDKit parses, …)</source>
        <translation>Nur Samples, die die Domäne akzeptiert (ein SMILES, das RDKit liest, …)</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="39"/>
        <source>Only the first of samples that are the same (canonical SMILES, …)</source>
        <translation>Von gleichen Samples nur das erste (kanonisches SMILES, …)</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="40"/>
        <source>Only samples not in the prior&apos;s corpus</source>
        <translation>Nur Samples, die nicht im Korpus des Priors stehen</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="43"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="45"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="56"/>
        <source>No samples yet. Start a run, or click a point on the Pareto front to see what that policy generates.</source>
        <translation>Noch keine Samples. Starten Sie einen Lauf oder klicken Sie auf einen Punkt der Pareto-Front, um zu sehen, was diese Policy erzeugt.</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="154"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../widgets/samplesview.cpp" line="183"/>
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::TransformPreview</name>
    <message>
        <location filename="../widgets/transformpreview.cpp" line="22"/>
        <source>reward</source>
        <translation>Belohnung</translation>
    </message>
    <message>
        <location filename="../widgets/transformpreview.cpp" line="67"/>
        <source>raw %1</source>
        <translation>%1 roh</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::WeightSliders</name>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="35"/>
        <source>Weights λ of the experts; they always sum to 1. Dragging re-merges the experts: any weights give a policy at once (Rewarded Soups).</source>
        <translation>Gewichte λ der Experten; ihre Summe ist immer 1. Ziehen führt die Experten neu zusammen: Beliebige Gewichte ergeben sofort eine Policy (Rewarded Soups).</translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="64"/>
        <source>Weight λ of the expert for %1</source>
        <translation>Gewicht λ des Experten für %1</translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="72"/>
        <source>Lock</source>
        <translation>Fixieren</translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="74"/>
        <source>Lock this weight while the others move</source>
        <translation>Dieses Gewicht festhalten, während sich die anderen bewegen</translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::WeightsPanel</name>
    <message>
        <location filename="../widgets/weightspanel.cpp" line="23"/>
        <source>&amp;Experts of:</source>
        <translation>&amp;Experten von:</translation>
    </message>
    <message>
        <location filename="../widgets/weightspanel.cpp" line="25"/>
        <source>Re-merge the experts of an earlier merge round, kept on disk</source>
        <translation>Die Experten einer früheren, gespeicherten Runde neu zusammenführen</translation>
    </message>
    <message>
        <location filename="../widgets/weightspanel.cpp" line="54"/>
        <source>the latest round</source>
        <translation>der neuesten Runde</translation>
    </message>
    <message>
        <location filename="../widgets/weightspanel.cpp" line="56"/>
        <source>round %1</source>
        <translation>Runde %1</translation>
    </message>
</context>
</TS>
