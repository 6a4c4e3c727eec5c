<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../widgets/plotexport.cpp" line="36"/>
        <source>the folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="45"/>
        <source>the file could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="50"/>
        <location filename="../widgets/plotexport.cpp" line="80"/>
        <source>Could not export the plot to “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="67"/>
        <source>Plot exported by ParetoLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="100"/>
        <location filename="../widgets/plotexport.cpp" line="110"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="119"/>
        <source>There is no plot to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="121"/>
        <source>No file name was given for the plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="125"/>
        <source>The plot has no size to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="145"/>
        <source>“%1” has no file extension: use .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="149"/>
        <source>Plots cannot be exported as “.%1”: use .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="166"/>
        <source>Export plot as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="169"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="171"/>
        <source>Export plot as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="174"/>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="176"/>
        <source>Export plot as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plotexport.cpp" line="179"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunSetupPanel</name>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="31"/>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="32"/>
        <source>maximize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="33"/>
        <source>minimize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="34"/>
        <source>target ± tolerance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="35"/>
        <source>sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="36"/>
        <source>double sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <location filename="../app/screenshot.cpp" line="19"/>
        <source>could not render the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/screenshot.cpp" line="22"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="24"/>
        <source>Multi-reward fine-tuning with IterativeRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="29"/>
        <source>Save the window to &lt;file&gt; as PNG, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="33"/>
        <source>Open this task: a bundled name (molecules, molecules-qm9, toy) or a task file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="38"/>
        <source>With --screenshot: train this many steps first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="41"/>
        <source>Interface language: en, de.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::app::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="85"/>
        <source>ParetoLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="93"/>
        <source>Reward per objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="94"/>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="119"/>
        <source>Run setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="137"/>
        <source>S&amp;weep the simplex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="138"/>
        <source>Evaluate a grid of weights over the simplex from the latest experts: the Rewarded-Soups front of this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="142"/>
        <source>Drag a slider after the first merge to re-merge the experts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="147"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="165"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="179"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="180"/>
        <source>&amp;Open task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="182"/>
        <source>Open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="182"/>
        <source>Task files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="186"/>
        <source>&amp;Export samples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="186"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="188"/>
        <source>Export &amp;Pareto plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="189"/>
        <source>Export &amp;reward plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="191"/>
        <location filename="../app/mainwindow.cpp" line="196"/>
        <location filename="../app/mainwindow.cpp" line="481"/>
        <location filename="../app/mainwindow.cpp" line="488"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="191"/>
        <location filename="../app/mainwindow.cpp" line="483"/>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="199"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="201"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="202"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="203"/>
        <source>&amp;Pause / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="209"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="212"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="217"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="218"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="224"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="225"/>
        <source>The language changes when ParetoLab is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="231"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="232"/>
        <source>&amp;About ParetoLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="237"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="242"/>
        <location filename="../app/mainwindow.cpp" line="371"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="258"/>
        <source>Pretraining the prior %p% · ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="260"/>
        <source>Pretraining the prior: validation NLL %1 per token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="267"/>
        <source>Stopped after %1 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="267"/>
        <source>Finished %1 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="270"/>
        <source>Average reward %1 → %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="275"/>
        <source>The run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="276"/>
        <source>The run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="285"/>
        <source>Sweep: %1 of %2 weight vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="316"/>
        <source>ParetoLab — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="317"/>
        <source>Loaded %1. Press Start (F5) to train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="321"/>
        <source>Cannot load the task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="322"/>
        <source>Cannot load the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="357"/>
        <source>Loading the prior (pretrained on first use, then cached)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="358"/>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="361"/>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="365"/>
        <source>Paused at %v / %m steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="368"/>
        <source>Done: %v / %m steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="391"/>
        <source>Round %1 merged. Drag a slider to re-merge the experts with other weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="398"/>
        <source>%v / %m steps · ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="428"/>
        <source>Re-merged and scored %1 samples in %2 s (average reward %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="449"/>
        <location filename="../app/mainwindow.cpp" line="457"/>
        <location filename="../app/mainwindow.cpp" line="475"/>
        <source>Export samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="449"/>
        <source>There are no samples to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="453"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="455"/>
        <source>SD file (*.sdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="473"/>
        <source>Exported %1 samples to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="495"/>
        <source>About ParetoLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="496"/>
        <source>&lt;h3&gt;ParetoLab %1&lt;/h3&gt;&lt;p&gt;Fine-tune generative models on several rewards at once with IterativeRS (Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF and Rewarded Soups.&lt;/p&gt;&lt;p&gt;LibTorch %2 · RDKit %3 · Qt %4&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::app::TrainingController</name>
    <message>
        <location filename="../app/trainingcontroller.cpp" line="262"/>
        <location filename="../app/trainingcontroller.cpp" line="287"/>
        <source>There are no experts to merge yet: start a run first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::MoleculeGrid</name>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="167"/>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="173"/>
        <location filename="../widgets/moleculegrid.cpp" line="342"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="192"/>
        <source>Sort &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="200"/>
        <source>Reverse the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="229"/>
        <source>&amp;Copy SMILES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="255"/>
        <source>Generation order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="313"/>
        <source>Highest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="313"/>
        <source>Lowest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="347"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moleculegrid.cpp" line="362"/>
        <source>1 molecule</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/moleculegrid.cpp" line="362"/>
        <source>%n molecules</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::ParetoPlot</name>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="72"/>
        <source>Prior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="74"/>
        <source>Merge rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="76"/>
        <source>Re-merges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="78"/>
        <source>RS sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="120"/>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="131"/>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="159"/>
        <source>Objective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="274"/>
        <source>on the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoplot.cpp" line="274"/>
        <source>dominated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::ParetoView</name>
    <message>
        <location filename="../widgets/paretoview.cpp" line="40"/>
        <source>Objective on the horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="43"/>
        <source>Objective on the vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="44"/>
        <source>&amp;X:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="46"/>
        <source>&amp;Y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="60"/>
        <source>Hypervolume: the volume the non-dominated policies dominate above the origin, over all objectives; higher is better.
ICV: mean over standard deviation of the selected policy&apos;s objectives; higher means the objectives are more evenly met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="137"/>
        <source>Hypervolume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="143"/>
        <source>ICV %1 (selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/paretoview.cpp" line="145"/>
        <source>ICV – (select a point)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RewardPlot</name>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="57"/>
        <source>thin: experts, thick: merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="119"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="120"/>
        <source>Mean reward (transformed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/rewardplot.cpp" line="189"/>
        <source>%1 expert: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::RunSetupPanel</name>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="46"/>
        <source>the raw value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="48"/>
        <source>0 at %1, 1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="50"/>
        <source>1 at %1, 0 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="52"/>
        <source>1 within %1 ± %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="54"/>
        <source>0.5 at %1, width %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="56"/>
        <source>high between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="68"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="71"/>
        <source>Molecules: QED, SA, logP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="72"/>
        <source>Molecules: QM9-style α, gap, energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="73"/>
        <source>Toy bit strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="74"/>
        <source>Tasks that come with ParetoLab; open your own with the … button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="78"/>
        <source>&amp;Bundled task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="83"/>
        <source>Task file (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="86"/>
        <source>Open a task file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="90"/>
        <source>Task file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="92"/>
        <source>Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="95"/>
        <source>Objectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="98"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="98"/>
        <source>Weight w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="98"/>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="103"/>
        <source>Each objective has an expert policy. Weights set how the experts are merged (λ = w / Σw); transforms map raw values to [0, 1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="108"/>
        <source>IterativeRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="120"/>
        <source>Merge period &amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="121"/>
        <source>The experts are merged every m steps and all restart from the merge. m = 1 is MORLHF (one combined reward); T merges once at the end (Rewarded Soups); the paper finds an intermediate m best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="124"/>
        <source>T (once, at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="128"/>
        <source>Experts per round &amp;M:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="129"/>
        <source>M of the N experts, drawn at random after each merge, train in the next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="130"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="134"/>
        <source>Steps &amp;T:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="135"/>
        <source>Total training steps; one step is one rollout batch and one policy update for each training expert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="141"/>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="142"/>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="142"/>
        <source>Sequences per rollout batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="147"/>
        <source>β: weight of the per-token KL penalty that keeps each expert close to the prior. Larger keeps more diversity, smaller chases reward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="149"/>
        <source>KL &amp;β:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="150"/>
        <source>&amp;Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="150"/>
        <source>The same seed gives the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="160"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="161"/>
        <location filename="../widgets/runsetuppanel.cpp" line="309"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="162"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="164"/>
        <source>Start training (F5). The prior is pretrained first if it is not cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="261"/>
        <source>Choose a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="266"/>
        <source>At least one objective needs a weight above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="268"/>
        <source>The merge period m (%1) is longer than the run (T = %2): choose T for one merge at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="309"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="327"/>
        <source>Open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/runsetuppanel.cpp" line="327"/>
        <source>Task files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::SamplesTable</name>
    <message>
        <location filename="../widgets/samplestable.cpp" line="64"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samplestable.cpp" line="64"/>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::SamplesView</name>
    <message>
        <location filename="../widgets/samplesview.cpp" line="19"/>
        <source>No samples yet. Start a run, or click a point on the Pareto front to see what that policy generates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paretolab::widgets::WeightSliders</name>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="23"/>
        <source>Weights λ of the experts; they always sum to 1. Dragging re-merges the experts: any weights give a policy at once (Rewarded Soups).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="51"/>
        <source>Weight λ of the expert for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="59"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/weightsliders.cpp" line="61"/>
        <source>Lock this weight while the others move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
