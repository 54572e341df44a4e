<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AgreementStatus</name>
    <message>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Envoyée</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Signée</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Expirée</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Résiliée</source>
        <translation>Terminated</translation>
    </message>
</context>
<context>
    <name>AgreementType</name>
    <message>
        <source>Convention de mécénat financier</source>
        <translation>Financial patronage agreement</translation>
    </message>
    <message>
        <source>Convention de mécénat en nature</source>
        <translation>In-kind patronage agreement</translation>
    </message>
    <message>
        <source>Convention de mécénat de compétences</source>
        <translation>Skills patronage agreement</translation>
    </message>
    <message>
        <source>Convention de partenariat</source>
        <translation>Partnership agreement</translation>
    </message>
    <message>
        <source>Convention de mise à disposition</source>
        <translation>Loan-for-use agreement</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <source>dès le {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>Numéraire : {cash}
En nature (valorisé) : {in_kind}
Compétences (valorisées) : {skills}</source>
        <translation>Cash: {cash}
In kind (valued): {in_kind}
Skills (valued): {skills}</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Les conventions de mécénat et de partenariat rattachées aux dossiers. Double-cliquez pour ouvrir le dossier, puis « Générer un document… » pour produire la convention au format Word.</source>
        <translation>The patronage and partnership agreements attached to partnership files. Double-click to open the file, then “Generate a document…” to produce the agreement as a Word document.</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Montant total</source>
        <translation>Total amount</translation>
    </message>
    <message>
        <source>dont numéraire</source>
        <translation>of which cash</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signée le</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Toutes les conventions</source>
        <translation>All agreements</translation>
    </message>
    <message>
        <source>Aucune convention pour l&apos;instant. Une convention se rattache à un dossier arrivé à l&apos;étape « Convention » ; elle apparaîtra ici avec ses montants et son statut.</source>
        <translation>No agreements yet. An agreement is attached to a partnership file that has reached the “Agreement” stage; it will appear here with its amounts and status.</translation>
    </message>
    <message>
        <source>Conventions : {count} · valeur totale : {total}. Double-cliquez pour ouvrir le dossier.</source>
        <translation>Agreements: {count} · total value: {total}. Double-click to open the file.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Démarrage</source>
        <translation>Start-up</translation>
    </message>
    <message>
        <source>Quotidienne</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Avant mise à jour</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>Manuelle</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Avant restauration</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>Avant chiffrement</source>
        <translation>Before encryption</translation>
    </message>
    <message>
        <source>{size} Ko</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} Mo</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Sauvegardes de la base {name}</source>
        <translation>Backups of the database {name}</translation>
    </message>
    <message>
        <source>Chaque copie est chiffrée avec la clé de la base et vérifiée après écriture.</source>
        <translation>Each copy is encrypted with the database key and checked after it is written.</translation>
    </message>
    <message>
        <source>Chaque copie est vérifiée après écriture.</source>
        <translation>Each copy is checked after it is written.</translation>
    </message>
    <message>
        <source>Passerelle sauvegarde la base à chaque démarrage, une fois par jour et avant chaque mise à jour.</source>
        <translation>Passerelle backs up the database at each start, once a day and before each upgrade.</translation>
    </message>
    <message>
        <source>Cette base n&apos;est pas chiffrée, ses sauvegardes non plus. Pour la chiffrer, fermez Passerelle puis lancez : passerelle db encrypt --db {path}</source>
        <translation>This database is not encrypted, and neither are its backups. To encrypt it, close Passerelle and run: passerelle db encrypt --db {path}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Chiffrée</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>Schéma</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Aucune sauvegarde pour l&apos;instant. Cliquez sur « Sauvegarder maintenant » pour en créer une ; Passerelle en fera aussi une au prochain démarrage.</source>
        <translation>No backup yet. Click “Back up now” to make one; Passerelle will also make one at the next start.</translation>
    </message>
    <message>
        <source>Dossier : {path}</source>
        <translation>Folder: {path}</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Sauvegardes automatiques conservées :</source>
        <translation>Automatic backups kept:</translation>
    </message>
    <message>
        <source>Nombre de sauvegardes automatiques conservées</source>
        <translation>Number of automatic backups kept</translation>
    </message>
    <message>
        <source>(les copies manuelles et d&apos;avant restauration sont gardées)</source>
        <translation>(manual and pre-restore copies are always kept)</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restaurer…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Sauvegarde vérifiée écrite : {name}</source>
        <translation>Checked backup written: {name}</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Restaurer la sauvegarde du {date}&#xa0;?</source>
        <translation>Restore the backup of {date}?</translation>
    </message>
    <message>
        <source>La base actuelle sera d&apos;abord gardée comme sauvegarde « Avant restauration », puis remplacée par cette copie. Ce qui a été saisi depuis le {date} n&apos;apparaîtra plus (il reste dans la sauvegarde d&apos;avant restauration).</source>
        <translation>The current database will first be kept as a “Before restore” backup, then replaced by this copy. What was entered since {date} will no longer appear (it stays in the before-restore backup).</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Base restaurée. L&apos;état précédent est gardé dans {name}.</source>
        <translation>Database restored. The previous state is kept in {name}.</translation>
    </message>
    <message>
        <source>Veuillez patienter…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>Sauvegardes…</source>
        <translation>Backups…</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <source>Dossier des courriers</source>
        <translation>Folder for the letters</translation>
    </message>
    <message>
        <source>Courrier en nombre</source>
        <translation>Bulk letter</translation>
    </message>
    <message>
        <source>Destinataires</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Modèle</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Un fichier .docx par destinataire</source>
        <translation>One .docx file per recipient</translation>
    </message>
    <message>
        <source>Un seul document, une lettre par page (à imprimer)</source>
        <translation>One document, one letter per page (to print)</translation>
    </message>
    <message>
        <source>Dossier de destination</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Modèle :</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Résultat :</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Enregistré dans :</source>
        <translation>Saved in:</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Générer les courriers</source>
        <translation>Generate the letters</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{n} destinataire</source>
        <translation>{n} recipient</translation>
    </message>
    <message>
        <source>{n} destinataires</source>
        <translation>{n} recipients</translation>
    </message>
    <message>
        <source>{n} personne exclue car opposée à la prospection (RGPD) : {names}.</source>
        <translation>{n} person left out for objecting to prospecting (GDPR): {names}.</translation>
    </message>
    <message>
        <source>{n} personnes exclues car opposées à la prospection (RGPD) : {names}.</source>
        <translation>{n} people left out for objecting to prospecting (GDPR): {names}.</translation>
    </message>
    <message>
        <source>Modèle sans description.</source>
        <translation>Template without a description.</translation>
    </message>
    <message>
        <source>Aucune rencontre collective à venir : la date et le lieu resteront en pointillés. Créez d&apos;abord la rencontre dans Événements.</source>
        <translation>No collective event to come: the date and place will stay dotted lines. Create the event in Events first.</translation>
    </message>
    <message>
        <source>Rencontre annoncée : {title}, {when}{place} (la prochaine à venir).</source>
        <translation>Event announced: {title}, {when}{place} (the next one to come).</translation>
    </message>
    <message>
        <source>Rédaction des courriers…</source>
        <translation>Writing the letters…</translation>
    </message>
    <message>
        <source>{n} courrier réuni dans {file}</source>
        <translation>{n} letter gathered in {file}</translation>
    </message>
    <message>
        <source>{n} courriers réunis dans {file}</source>
        <translation>{n} letters gathered in {file}</translation>
    </message>
    <message>
        <source>{n} courrier écrit dans {folder}</source>
        <translation>{n} letter written in {folder}</translation>
    </message>
    <message>
        <source>{n} courriers écrits dans {folder}</source>
        <translation>{n} letters written in {folder}</translation>
    </message>
    <message>
        <source>Génération annulée : aucun fichier n&apos;a été écrit.</source>
        <translation>Generation cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Courrier en nombre…</source>
        <translation>Bulk letter…</translation>
    </message>
    <message>
        <source>Écrire à chaque ligne sélectionnée (Ctrl+clic, Maj+clic ou Ctrl+A pour en sélectionner plusieurs)</source>
        <translation>Write to each selected row (Ctrl+click, Shift+click or Ctrl+A to select several)</translation>
    </message>
</context>
<context>
    <name>Brake</name>
    <message>
        <source>Méconnaissance</source>
        <translation>Unawareness</translation>
    </message>
    <message>
        <source>Cloisonnement</source>
        <translation>Silos</translation>
    </message>
    <message>
        <source>Méfiance / défiance</source>
        <translation>Distrust</translation>
    </message>
    <message>
        <source>Complexité</source>
        <translation>Complexity</translation>
    </message>
</context>
<context>
    <name>CommuneField</name>
    <message>
        <source>{name} ({insee})</source>
        <translation>{name} ({insee})</translation>
    </message>
    <message>
        <source>Nom de la commune ou code INSEE</source>
        <translation>Municipality name or INSEE code</translation>
    </message>
    <message>
        <source>Choisissez une commune de la liste ou saisissez un code INSEE à 5 caractères (ex. 59350 pour Lille).</source>
        <translation>Choose a municipality from the list or enter a 5-character INSEE code (e.g. 59350 for Lille).</translation>
    </message>
</context>
<context>
    <name>CompanySize</name>
    <message>
        <source>TPE (moins de 10 salariés)</source>
        <translation>Micro-enterprise (TPE, under 10 employees)</translation>
    </message>
    <message>
        <source>PME (10 à 249 salariés)</source>
        <translation>SME (PME, 10 to 249 employees)</translation>
    </message>
    <message>
        <source>ETI (250 à 4 999 salariés)</source>
        <translation>Mid-sized company (ETI, 250 to 4,999 employees)</translation>
    </message>
    <message>
        <source>Grande entreprise</source>
        <translation>Large company (GE)</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>supprimé pendant une modification</source>
        <translation>deleted while being edited</translation>
    </message>
    <message>
        <source>notes modifiées en parallèle</source>
        <translation>notes edited concurrently</translation>
    </message>
    <message>
        <source>{title} — {what}</source>
        <translation>{title} — {what}</translation>
    </message>
    <message>
        <source>{entity} · {people}</source>
        <translation>{entity} · {people}</translation>
    </message>
    <message>
        <source>Conflits</source>
        <extracomment>emitted after a conflict was settled (the main window&apos;s badge re-counts)</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Ce que vous et vos collègues avez modifié au même moment, sans vous voir. Rien n&apos;est perdu : choisissez la bonne valeur, ou écrivez-en une qui réunit les deux ; votre choix sera transmis aux collègues au prochain échange.</source>
        <translation>What you and your colleagues changed at the same time without seeing each other. Nothing is lost: choose the right value, or write one that combines both; your choice reaches your colleagues at the next exchange.</translation>
    </message>
    <message>
        <source>À examiner</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Aucun conflit en attente. Quand un fichier de synchronisation apporte une modification faite en même temps que la vôtre, elle apparaît ici avec les deux valeurs, leur auteur et leur date (menu Synchronisation › Importer…).</source>
        <translation>No conflict waiting. When a sync file brings a change made at the same time as yours, it appears here with both values, their author and their date (menu Synchronisation › Import…).</translation>
    </message>
    <message>
        <source>Rien à examiner</source>
        <translation>Nothing to review</translation>
    </message>
    <message>
        <source>{n} conflit à examiner</source>
        <translation>{n} conflict to review</translation>
    </message>
    <message>
        <source>{n} conflits à examiner</source>
        <translation>{n} conflicts to review</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Ce champ a été modifié sur plusieurs postes sans qu&apos;ils se voient. La valeur marquée « affichée » est celle que tout le monde voit en attendant votre choix.</source>
        <translation>This field was changed on several computers that did not see each other. The value marked “shown” is the one everybody sees until you choose.</translation>
    </message>
    <message>
        <source>{who} · le {when}</source>
        <translation>{who} · on {when}</translation>
    </message>
    <message>
        <source> · affichée actuellement</source>
        <translation> · currently shown</translation>
    </message>
    <message>
        <source>Réunir les valeurs : {values}</source>
        <translation>Combine the values: {values}</translation>
    </message>
    <message>
        <source>Une autre valeur (par exemple, la réunion des deux) :</source>
        <translation>Another value (for example, both combined):</translation>
    </message>
    <message>
        <source>Garder cette valeur</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>{entity} « {title} » a été supprimé par {who} le {when}, pendant que d&apos;autres modifications y étaient faites :</source>
        <translation>{entity} “{title}” was deleted by {who} on {when}, while other changes were being made to it:</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Le</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Restauration</source>
        <translation>Restoration</translation>
    </message>
    <message>
        <source>La suppression l&apos;emporte : l&apos;enregistrement reste masqué tant que personne ne le restaure. « Restaurer » le fait revenir avec ces modifications ; « Confirmer la suppression » clôt ce conflit (les modifications restent dans l&apos;historique).</source>
        <translation>The deletion wins: the record stays hidden until someone restores it. “Restore” brings it back with these changes; “Confirm the deletion” closes this conflict (the changes stay in the history).</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Confirmer la suppression</source>
        <translation>Confirm the deletion</translation>
    </message>
    <message>
        <source>Les notes de cet échange ont été modifiées sur plusieurs postes à la fois. Les lignes surlignées sont celles que chaque version a changées.</source>
        <translation>The notes of this interaction were edited on several computers at once. The highlighted lines are those each version changed.</translation>
    </message>
    <message>
        <source>Version de {who}, le {when}</source>
        <translation>Version by {who}, on {when}</translation>
    </message>
    <message>
        <source>Reprendre cette version</source>
        <translation>Use this version</translation>
    </message>
    <message>
        <source>Fusion proposée : les deux versions ont changé des lignes différentes, leurs modifications sont réunies ci-dessous. Relisez, corrigez si besoin, puis enregistrez.</source>
        <translation>Suggested merge: the two versions changed different lines, and their changes are combined below. Read it over, correct it if needed, then save.</translation>
    </message>
    <message>
        <source>Les modifications se chevauchent : la version la plus récente est reprise ci-dessous ; complétez-la avec ce qui manque de l&apos;autre, puis enregistrez.</source>
        <translation>The changes overlap: the most recent version is copied below; add what is missing from the other one, then save.</translation>
    </message>
    <message>
        <source>Notes à garder</source>
        <translation>Notes to keep</translation>
    </message>
    <message>
        <source>Enregistrer ces notes</source>
        <translation>Save these notes</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Le nom de famille est obligatoire.</source>
        <translation>The surname is required.</translation>
    </message>
    <message>
        <source>ex. Chargée de mission RSE</source>
        <translation>e.g. CSR project officer</translation>
    </message>
    <message>
        <source>prenom.nom@exemple.fr</source>
        <translation>firstname.lastname@example.fr</translation>
    </message>
    <message>
        <source>ex. 03 20 12 34 56</source>
        <translation>e.g. 03 20 12 34 56</translation>
    </message>
    <message>
        <source>ex. 06 12 34 56 78</source>
        <translation>e.g. 06 12 34 56 78</translation>
    </message>
    <message>
        <source>— non recueilli —</source>
        <translation>— not collected —</translation>
    </message>
    <message>
        <source>Informations utiles (pas de données sensibles)</source>
        <translation>Useful information (no sensitive data)</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nom *</source>
        <translation>Surname *</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Coordonnées</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Données personnelles (RGPD)</source>
        <translation>Personal data (GDPR)</translation>
    </message>
    <message>
        <source>Base légale</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Consentement le</source>
        <translation>Consent given on</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Indiquez la date à laquelle la personne a donné son consentement.</source>
        <translation>Enter the date on which the person gave their consent.</translation>
    </message>
</context>
<context>
    <name>ContactRgpdPanel</name>
    <message>
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>ex. salon des associations 2025, carte de visite</source>
        <translation>e.g. associations fair 2025, business card</translation>
    </message>
    <message>
        <source>— inconnue —</source>
        <translation>— unknown —</translation>
    </message>
    <message>
        <source>S&apos;oppose à la prospection (article 21)</source>
        <translation>Objects to prospecting (article 21)</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Collecte</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Base légale</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Collectée le</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>Conservation</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Dernier contact entrant</source>
        <translation>Last inbound contact</translation>
    </message>
    <message>
        <source>À revoir le</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>Journal des modifications…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Export droit d&apos;accès…</source>
        <translation>Access request export…</translation>
    </message>
    <message>
        <source>Anonymiser…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>Effacer…</source>
        <translation>Erase…</translation>
    </message>
    <message>
        <source>Droits de la personne</source>
        <translation>Data subject rights</translation>
    </message>
    <message>
        <source>Répondez dans le mois à une demande d&apos;accès ou d&apos;effacement. L&apos;effacement est transmis aux collègues par la synchronisation.</source>
        <translation>Answer an access or erasure request within one month. Erasure is passed on to colleagues by synchronisation.</translation>
    </message>
    <message>
        <source>donné le {date}</source>
        <translation>given on {date}</translation>
    </message>
    <message>
        <source>date à renseigner</source>
        <translation>date to fill in</translation>
    </message>
    <message>
        <source>Fiche anonymisée : plus aucune donnée personnelle.</source>
        <translation>Anonymised record: no personal data left.</translation>
    </message>
    <message>
        <source>{date} (trois ans après : {what})</source>
        <translation>{date} (three years after: {what})</translation>
    </message>
    <message>
        <source>durée dépassée : voir la vue RGPD</source>
        <translation>period exceeded: see the GDPR view</translation>
    </message>
    <message>
        <source>Export pour une demande d&apos;accès</source>
        <translation>Export for an access request</translation>
    </message>
    <message>
        <source>Archive ZIP (*.zip)</source>
        <translation>ZIP archive (*.zip)</translation>
    </message>
    <message>
        <source>Export droit d&apos;accès</source>
        <translation>Access request export</translation>
    </message>
    <message>
        <source>Export enregistré : {path}
Il contient les données en JSON et un document lisible à remettre à la personne.</source>
        <translation>Export saved: {path}
It contains the data as JSON and a readable document to give to the person.</translation>
    </message>
    <message>
        <source>Effacer définitivement cette personne ? Sa fiche, ses rôles et son nom dans les notes et documents seront effacés, ici puis chez les collègues. C&apos;est irréversible.</source>
        <translation>Permanently erase this person? Their record, roles and name in notes and documents will be erased, here and then on colleagues&apos; computers. This cannot be undone.</translation>
    </message>
    <message>
        <source>Anonymiser cette personne ? La fiche reste pour les statistiques, sans nom ni coordonnées, ici puis chez les collègues. C&apos;est irréversible.</source>
        <translation>Anonymise this person? The record stays for statistics, without name or contact details, here and then on colleagues&apos; computers. This cannot be undone.</translation>
    </message>
    <message>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Rechercher : nom, fonction, e-mail, notes…</source>
        <translation>Search: name, job title, email, notes…</translation>
    </message>
    <message>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Importer un tableur de contacts, avec leur organisation</source>
        <translation>Import a spreadsheet of contacts, with their organisation</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exporter les contacts affichés (.xlsx ou .csv)</source>
        <translation>Export the contacts shown (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Dernier échange</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Double-cliquez sur un rôle pour le modifier.</source>
        <translation>Double-click a role to edit it.</translation>
    </message>
    <message>
        <source>Cette personne n&apos;est liée à aucune organisation. Choisissez-en une ci-dessous, indiquez son rôle et cliquez sur « Lier ».</source>
        <translation>This person is not linked to any organisation. Choose one below, enter their role and click “Link”.</translation>
    </message>
    <message>
        <source>Retirer le lien</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>Rôle, ex. Présidente, DRH, bénévole</source>
        <translation>Role, e.g. Chair, HR Director, volunteer</translation>
    </message>
    <message>
        <source>Lier</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Lier à une organisation</source>
        <translation>Link to an organisation</translation>
    </message>
    <message>
        <source>Enregistrez d&apos;abord ce contact : vous pourrez ensuite le lier à une ou plusieurs organisations.</source>
        <translation>Save this contact first: you will then be able to link it to one or more organisations.</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>RGPD</source>
        <translation>GDPR</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Sélectionnez un contact dans la liste pour voir sa fiche et ses organisations, ou cliquez sur « Nouveau contact ».</source>
        <translation>Select a contact in the list to see their details and organisations, or click “New contact”.</translation>
    </message>
    <message>
        <source>{n} contact</source>
        <translation>{n} contact</translation>
    </message>
    <message>
        <source>{n} contacts</source>
        <translation>{n} contacts</translation>
    </message>
    <message>
        <source>Aucun contact ne correspond à cette recherche. Essayez le nom, le prénom ou l&apos;adresse e-mail.</source>
        <translation>No contacts match this search. Try the surname, first name or email address.</translation>
    </message>
    <message>
        <source>Aucun contact pour l&apos;instant. Cliquez sur « Nouveau contact » pour enregistrer une personne, puis liez-la à son organisation.</source>
        <translation>No contacts yet. Click “New contact” to record a person, then link them to their organisation.</translation>
    </message>
    <message>
        <source>Dernier échange le {date}</source>
        <translation>Last interaction on {date}</translation>
    </message>
    <message>
        <source>Aucun échange enregistré</source>
        <translation>No interactions recorded</translation>
    </message>
    <message>
        <source>Organisations ({n})</source>
        <translation>Organisations ({n})</translation>
    </message>
    <message>
        <source>Organisation principale</source>
        <translation>Main organisation</translation>
    </message>
    <message>
        <source>Renseignez au moins le nom de famille, puis cliquez sur « Enregistrer ».</source>
        <translation>Enter at least the surname, then click “Save”.</translation>
    </message>
    <message>
        <source>Corrigez les champs signalés en rouge pour enregistrer.</source>
        <translation>Correct the fields marked in red to save.</translation>
    </message>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Les modifications de ce contact ne sont pas enregistrées. Les abandonner ?</source>
        <translation>The changes to this contact have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>Contact enregistré.</source>
        <translation>Contact saved.</translation>
    </message>
    <message>
        <source>Supprimer le contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Supprimer « {name} » et ses liens avec les organisations ? Les échanges où la personne apparaît sont conservés.</source>
        <translation>Delete “{name}” and their links to organisations? Interactions in which this person appears are kept.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Passerelle a rencontré une erreur inattendue. Vos données enregistrées sont intactes. Copiez les détails ci-dessous pour les transmettre à l&apos;équipe de développement.</source>
        <translation>Passerelle has encountered an unexpected error. Your saved data is intact. Copy the details below to send them to the development team.</translation>
    </message>
    <message>
        <source>Journal : {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <source>Copier les détails</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <source>Document généré</source>
        <translation>Generated document</translation>
    </message>
    <message>
        <source>Document signé</source>
        <translation>Signed document</translation>
    </message>
    <message>
        <source>Pièce jointe</source>
        <translation>Attachment</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Même SIRET</source>
        <translation>Same SIRET</translation>
    </message>
    <message>
        <source>Même SIREN</source>
        <translation>Same SIREN</translation>
    </message>
    <message>
        <source>Même n° RNA</source>
        <translation>Same RNA no.</translation>
    </message>
    <message>
        <source>Nom proche ({score} %)</source>
        <translation>Similar name ({score} %)</translation>
    </message>
    <message>
        <source>Doublon possible</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Doublons probables de « {name} »</source>
        <translation>Likely duplicates of “{name}”</translation>
    </message>
    <message>
        <source>Choisissez la fiche qui décrit la même organisation, puis « Fusionner… » : vous verrez les deux fiches côte à côte avant de confirmer.</source>
        <translation>Choose the record that describes the same organisation, then “Merge…”: you will see both records side by side before confirming.</translation>
    </message>
    <message>
        <source>« {name} » existe peut-être déjà.</source>
        <translation>“{name}” may already exist.</translation>
    </message>
    <message>
        <source>« {name} » ressemble à des organisations déjà enregistrées.</source>
        <translation>“{name}” looks like organisations already recorded.</translation>
    </message>
    <message>
        <source>Pour éviter les doublons, ouvrez la fiche existante et complétez-la. Si c&apos;est bien une autre organisation, créez-la quand même.</source>
        <translation>To avoid duplicates, open the existing record and complete it. If it really is another organisation, create it anyway.</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ouvrir l&apos;existante</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <source>Créer quand même</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Revenir au formulaire</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Fusionner…</source>
        <translation>Merge…</translation>
    </message>
</context>
<context>
    <name>Entity</name>
    <message>
        <source>L&apos;organisation</source>
        <translation>The organisation</translation>
    </message>
    <message>
        <source>Le contact</source>
        <translation>The contact</translation>
    </message>
    <message>
        <source>Le dossier</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>L&apos;échange</source>
        <translation>The interaction</translation>
    </message>
    <message>
        <source>La tâche</source>
        <translation>The task</translation>
    </message>
    <message>
        <source>La convention</source>
        <translation>The agreement</translation>
    </message>
    <message>
        <source>L&apos;événement</source>
        <translation>The event</translation>
    </message>
    <message>
        <source>Le besoin</source>
        <translation>The need</translation>
    </message>
    <message>
        <source>L&apos;offre</source>
        <translation>The offer</translation>
    </message>
    <message>
        <source>Le document</source>
        <translation>The document</translation>
    </message>
    <message>
        <source>Le modèle</source>
        <translation>The template</translation>
    </message>
</context>
<context>
    <name>EntityChooser</name>
    <message>
        <source>Aucun résultat pour « {text} »</source>
        <translation>No results for “{text}”</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Aucun barème de mécénat n&apos;est défini pour un exercice clos le {date}.</source>
        <translation>No patronage tax-relief scale is defined for a financial year ending on {date}.</translation>
    </message>
    <message>
        <source>Aucun destinataire à qui écrire : sélectionnez des organisations ou des contacts (les personnes opposées à la prospection sont exclues).</source>
        <translation>Nobody to write to: select organisations or contacts (people who objected to prospecting are left out).</translation>
    </message>
    <message>
        <source>Aucun dossier ne porte la référence {ref}.</source>
        <translation>No partnership file has the reference {ref}.</translation>
    </message>
    <message>
        <source>Aucun dossier partagé n&apos;est choisi : menu Synchronisation › Dossier partagé…</source>
        <translation>No shared folder is chosen: menu Synchronisation › Shared folder…</translation>
    </message>
    <message>
        <source>Aucun fichier à importer.</source>
        <translation>No file to import.</translation>
    </message>
    <message>
        <source>Aucune entrée à importer dans ces fichiers ({read} lignes lues, aucune retenue pour ce territoire) : le registre n&apos;a pas été modifié.</source>
        <translation>Nothing to import in these files ({read} lines read, none kept for this territory): the register was not changed.</translation>
    </message>
    <message>
        <source>Aucune personne sélectionnée.</source>
        <translation>No person selected.</translation>
    </message>
    <message>
        <source>Base légale inconnue : {value}</source>
        <translation>Unknown legal basis: {value}</translation>
    </message>
    <message>
        <source>Ce conflit a changé depuis son affichage (un import vient d&apos;arriver) : la liste a été actualisée, vérifiez les valeurs.</source>
        <translation>This conflict changed since it was shown (an import just arrived): the list was refreshed, check the values.</translation>
    </message>
    <message>
        <source>Cette base appartient déjà à une autre équipe.</source>
        <translation>This database already belongs to another team.</translation>
    </message>
    <message>
        <source>Cette base appartient déjà à une équipe.</source>
        <translation>This database already belongs to a team.</translation>
    </message>
    <message>
        <source>Cette base n&apos;appartient à aucune équipe : créez une équipe, ou rejoignez celle de vos collègues avec leur fichier de clé d&apos;équipe.</source>
        <translation>This database does not belong to any team: create a team, or join your colleagues&apos; team with their team key file.</translation>
    </message>
    <message>
        <source>Cette clé de secours n&apos;est pas valide : vérifiez chaque groupe de 4 caractères (lettres A à Z et chiffres 2 à 7).</source>
        <translation>This recovery key is not valid: check each group of 4 characters (letters A to Z and digits 2 to 7).</translation>
    </message>
    <message>
        <source>Cette entrée n&apos;est plus dans le registre (il a été réimporté).</source>
        <translation>This entry is no longer in the register (it was re-imported).</translation>
    </message>
    <message>
        <source>Cette organisation n&apos;est pas dans la liste de l&apos;événement.</source>
        <translation>This organisation is not on the event&apos;s list.</translation>
    </message>
    <message>
        <source>Champ inconnu : {entity}.{field}</source>
        <translation>Unknown field: {entity}.{field}</translation>
    </message>
    <message>
        <source>Champ inconnu dans la correspondance : {name} (attendus : {known}).</source>
        <translation>Unknown field in the mapping: {name} (expected: {known}).</translation>
    </message>
    <message>
        <source>Champs impossibles à effacer : {fields}</source>
        <translation>Fields that cannot be erased: {fields}</translation>
    </message>
    <message>
        <source>Choisissez deux organisations différentes à fusionner.</source>
        <translation>Choose two different organisations to merge.</translation>
    </message>
    <message>
        <source>Choisissez la colonne du champ « {label} » : il est obligatoire.</source>
        <translation>Choose the column of the “{label}” field: it is required.</translation>
    </message>
    <message>
        <source>Choisissez la nature du soutien.</source>
        <translation>Choose the nature of support.</translation>
    </message>
    <message>
        <source>Choisissez le paquet de clé d&apos;équipe reçu d&apos;un collègue.</source>
        <translation>Choose the team key package you received from a colleague.</translation>
    </message>
    <message>
        <source>Choisissez le type d&apos;événement.</source>
        <translation>Choose the type of event.</translation>
    </message>
    <message>
        <source>Choisissez un dossier ou une convention pour le document.</source>
        <translation>Choose a partnership file or an agreement for the document.</translation>
    </message>
    <message>
        <source>Choisissez un fichier .csv ou .xlsx (reçu : {name}).</source>
        <translation>Choose a .csv or .xlsx file (got: {name}).</translation>
    </message>
    <message>
        <source>Code commune invalide : {value} (code INSEE à 5 caractères).</source>
        <translation>Invalid municipality code: {value} (5-character INSEE code).</translation>
    </message>
    <message>
        <source>Colonne {column} absente du fichier.</source>
        <translation>Column {column} is not in the file.</translation>
    </message>
    <message>
        <source>Commune inconnue dans la Métropole : {value}</source>
        <translation>Unknown commune in the Métropole: {value}</translation>
    </message>
    <message>
        <source>Correspondance illisible : {error}</source>
        <translation>Unreadable mapping: {error}</translation>
    </message>
    <message>
        <source>Date invalide : {value} (attendu AAAA-MM-JJ).</source>
        <translation>Invalid date: {value} (expected YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Destinataires inconnus : « {kind} » (organisations ou contacts).</source>
        <translation>Unknown recipients: « {kind} » (organisations or contacts).</translation>
    </message>
    <message>
        <source>Dossier introuvable : {ref}.</source>
        <translation>Partnership file not found: {ref}.</translation>
    </message>
    <message>
        <source>Effacement annulé : rien n&apos;a été modifié.</source>
        <translation>Erasure cancelled: nothing was changed.</translation>
    </message>
    <message>
        <source>Encodage inconnu : {encoding}</source>
        <translation>Unknown encoding: {encoding}</translation>
    </message>
    <message>
        <source>Erreur d&apos;écriture : {error}</source>
        <translation>Write error: {error}</translation>
    </message>
    <message>
        <source>Export inconnu : {what} (attendu : organisations, contacts, files ou interactions).</source>
        <translation>Unknown export: {what} (expected: organisations, contacts, files or interactions).</translation>
    </message>
    <message>
        <source>Fichier {path}, ligne {line} : {error}</source>
        <translation>File {path}, line {line}: {error}</translation>
    </message>
    <message>
        <source>Génération annulée : rien n&apos;a été écrit.</source>
        <translation>Generation cancelled: nothing has been written.</translation>
    </message>
    <message>
        <source>Identifiant invalide : {value}</source>
        <translation>Invalid identifier: {value}</translation>
    </message>
    <message>
        <source>Import annulé : le registre est inchangé.</source>
        <translation>Import cancelled: the register is unchanged.</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire le fichier {path} : {error}</source>
        <translation>Cannot write the file {path}: {error}</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire {path} : {error}</source>
        <translation>Cannot write {path}: {error}</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire « {file} » : {error}.</source>
        <translation>Cannot write “{file}”: {error}.</translation>
    </message>
    <message>
        <source>Impossible de lire l&apos;image « {file} » : {error}.</source>
        <translation>Cannot read the image « {file} »: {error}.</translation>
    </message>
    <message>
        <source>Impossible de lire le fichier {path} : {error}</source>
        <translation>Cannot read the file {path}: {error}</translation>
    </message>
    <message>
        <source>Impossible de lire {path} : {error}</source>
        <translation>Cannot read {path}: {error}</translation>
    </message>
    <message>
        <source>Impossible de passer à l&apos;étape « {stage} » : {missing_text}.</source>
        <translation>Cannot move to the “{stage}” stage: {missing_text}.</translation>
    </message>
    <message>
        <source>Impossible de remplacer {path} (encore ouverte par un autre programme ?) : {error}. La base n&apos;a pas été modifiée.</source>
        <translation>Cannot replace {path} (still open in another program?): {error}. The database was not changed.</translation>
    </message>
    <message>
        <source>Indiquez au moins trois caractères à effacer.</source>
        <translation>Enter at least three characters to erase.</translation>
    </message>
    <message>
        <source>Indiquez la raison pour passer le dossier « {status} ».</source>
        <translation>Give a reason for setting the file to “{status}”.</translation>
    </message>
    <message>
        <source>Indiquez la sauvegarde à restaurer : passerelle db restore SAUVEGARDE --db BASE.</source>
        <translation>Give the backup to restore: passerelle db restore BACKUP --db DATABASE.</translation>
    </message>
    <message>
        <source>Indiquez le fichier de clé d&apos;équipe.</source>
        <translation>Specify the team key file.</translation>
    </message>
    <message>
        <source>Indiquez votre nom : il signe vos notes et vos documents.</source>
        <translation>Enter your name: it signs your notes and documents.</translation>
    </message>
    <message>
        <source>L&apos;IBAN est vide.</source>
        <translation>The IBAN is empty.</translation>
    </message>
    <message>
        <source>L&apos;IBAN « {value} » est invalide : entre 15 et 34 caractères attendus ({length} saisis).</source>
        <translation>The IBAN “{value}” is invalid: 15 to 34 characters expected ({length} entered).</translation>
    </message>
    <message>
        <source>L&apos;IBAN « {value} » est invalide : il doit commencer par 2 lettres (pays) et 2 chiffres (clé), suivis de lettres et de chiffres uniquement.</source>
        <translation>The IBAN “{value}” is invalid: it must start with 2 letters (country) and 2 digits (check digits), followed by letters and digits only.</translation>
    </message>
    <message>
        <source>L&apos;IBAN « {value} » est invalide : la clé RIB ne correspond pas au compte.</source>
        <translation>The IBAN “{value}” is invalid: the RIB key does not match the account.</translation>
    </message>
    <message>
        <source>L&apos;IBAN « {value} » est invalide : la clé de contrôle ne correspond pas.</source>
        <translation>The IBAN “{value}” is invalid: the check digits do not match.</translation>
    </message>
    <message>
        <source>L&apos;IBAN « {value} » est invalide : {expected} caractères attendus pour le pays {country} ({length} saisis).</source>
        <translation>The IBAN “{value}” is invalid: {expected} characters expected for country {country} ({length} entered).</translation>
    </message>
    <message>
        <source>L&apos;adresse e-mail est vide.</source>
        <translation>The email address is empty.</translation>
    </message>
    <message>
        <source>L&apos;adresse e-mail « {value} » est invalide : elle doit contenir un seul @.</source>
        <translation>The email address “{value}” is invalid: it must contain exactly one @.</translation>
    </message>
    <message>
        <source>L&apos;adresse e-mail « {value} » est invalide : la partie avant le @ est incorrecte.</source>
        <translation>The email address “{value}” is invalid: the part before the @ is incorrect.</translation>
    </message>
    <message>
        <source>L&apos;adresse e-mail « {value} » est invalide : le domaine après le @ est incorrect (ex. exemple.fr).</source>
        <translation>The email address “{value}” is invalid: the domain after the @ is incorrect (e.g. example.fr).</translation>
    </message>
    <message>
        <source>L&apos;adresse e-mail « {value} » est trop longue (254 caractères au plus).</source>
        <translation>The email address “{value}” is too long (254 characters at most).</translation>
    </message>
    <message>
        <source>L&apos;archive {path} est illisible : {error}</source>
        <translation>The archive {path} cannot be read: {error}</translation>
    </message>
    <message>
        <source>L&apos;archive {path} ne contient aucun fichier CSV.</source>
        <translation>The archive {path} contains no CSV file.</translation>
    </message>
    <message>
        <source>L&apos;association et l&apos;entreprise d&apos;un dossier doivent être deux organisations différentes.</source>
        <translation>The association and the company of a partnership file must be two different organisations.</translation>
    </message>
    <message>
        <source>L&apos;en-tête ou le pied de page de ce modèle change d&apos;un destinataire à l&apos;autre (par exemple la référence du dossier) : réunies dans un seul document, toutes les lettres montreraient celui de la première. Choisissez « un fichier par destinataire ».</source>
        <translation>This template&apos;s header or footer changes from one recipient to the next (for instance the file reference): gathered in one document, every letter would show the first one&apos;s. Choose « one file per recipient ».</translation>
    </message>
    <message>
        <source>L&apos;enregistrement {id} est introuvable.</source>
        <translation>Record {id} cannot be found.</translation>
    </message>
    <message>
        <source>L&apos;image « {file} » est introuvable.</source>
        <translation>The image « {file} » cannot be found.</translation>
    </message>
    <message>
        <source>L&apos;image « {file} » est trop lourde ({size} Mo) : 5 Mo au plus, car le logo est copié dans chaque document.</source>
        <translation>The image « {file} » is too large ({size} MB): 5 MB at most, since the logo is copied into every document.</translation>
    </message>
    <message>
        <source>La base est occupée par un autre programme : rien n&apos;a été enregistré.</source>
        <translation>The database is in use by another program: nothing has been saved.</translation>
    </message>
    <message>
        <source>La base n&apos;a pas pu être modifiée ({error}) : rien n&apos;a été importé.</source>
        <translation>The database could not be modified ({error}): nothing has been imported.</translation>
    </message>
    <message>
        <source>La base {path} a été créée par une version plus récente de Passerelle (schéma {revision}). Mettez Passerelle à jour pour l&apos;ouvrir.</source>
        <translation>The database {path} was created by a newer version of Passerelle (schema {revision}). Update Passerelle to open it.</translation>
    </message>
    <message>
        <source>La base {path} est déjà chiffrée.</source>
        <translation>The database {path} is already encrypted.</translation>
    </message>
    <message>
        <source>La base {path} est protégée par une phrase de passe : c&apos;est elle qui permet de l&apos;ouvrir sur un autre ordinateur.</source>
        <translation>The database {path} is protected by a passphrase: that passphrase is what opens it on another computer.</translation>
    </message>
    <message>
        <source>La base {path} existe déjà : choisissez un nouveau fichier.</source>
        <translation>The database {path} already exists: choose a new file.</translation>
    </message>
    <message>
        <source>La base {path} n&apos;est pas chiffrée : elle n&apos;a pas de clé de secours.</source>
        <translation>The database {path} is not encrypted: it has no recovery key.</translation>
    </message>
    <message>
        <source>La base {path} n&apos;est pas chiffrée.</source>
        <translation>The database {path} is not encrypted.</translation>
    </message>
    <message>
        <source>La base {path} n&apos;existe pas.</source>
        <translation>The database {path} does not exist.</translation>
    </message>
    <message>
        <source>La convention choisie appartient à un autre dossier.</source>
        <translation>The chosen agreement belongs to another partnership file.</translation>
    </message>
    <message>
        <source>La copie convertie de {path} est incohérente ({status}) : la base d&apos;origine est inchangée.</source>
        <translation>The converted copy of {path} is inconsistent ({status}): the original database is unchanged.</translation>
    </message>
    <message>
        <source>La copie de sauvegarde {path} est corrompue ({status}).</source>
        <translation>The backup copy {path} is corrupt ({status}).</translation>
    </message>
    <message>
        <source>La date de collecte ne peut pas être dans le futur.</source>
        <translation>The collection date cannot be in the future.</translation>
    </message>
    <message>
        <source>La durée d&apos;un tour doit être comprise entre 1 et 120 minutes.</source>
        <translation>A round must last between 1 and 120 minutes.</translation>
    </message>
    <message>
        <source>La durée d&apos;un tour doit être d&apos;au moins une minute.</source>
        <translation>A round must last at least one minute.</translation>
    </message>
    <message>
        <source>La durée doit être comprise entre 1 et 1440 minutes.</source>
        <translation>The duration must be between 1 and 1,440 minutes.</translation>
    </message>
    <message>
        <source>La fin de la période précède son début.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>La mise à jour de la base a échoué ; la base d&apos;origine est intacte. Une sauvegarde se trouve ici : {backup_path}</source>
        <translation>The database update failed; the original database is intact. A backup is available here: {backup_path}</translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins 8 caractères.</source>
        <translation>The passphrase must be at least 8 characters long.</translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins {n} caractères.</source>
        <translation>The passphrase must be at least {n} characters long.</translation>
    </message>
    <message>
        <source>La phrase de passe est vide.</source>
        <translation>The passphrase is empty.</translation>
    </message>
    <message>
        <source>La période est vide : le {start} est après le {end}.</source>
        <translation>The period is empty: {start} is after {end}.</translation>
    </message>
    <message>
        <source>La restauration depuis {path} a échoué : {error}</source>
        <translation>Restoring from {path} failed: {error}</translation>
    </message>
    <message>
        <source>La sauvegarde vers {path} a échoué : {error}</source>
        <translation>The backup to {path} failed: {error}</translation>
    </message>
    <message>
        <source>La sauvegarde {path} est endommagée ({status}) : la base n&apos;a pas été modifiée.</source>
        <translation>The backup {path} is damaged ({status}): the database was not changed.</translation>
    </message>
    <message>
        <source>La sauvegarde {path} n&apos;existe pas.</source>
        <translation>The backup {path} does not exist.</translation>
    </message>
    <message>
        <source>La valeur du don doit être strictement positive pour évaluer les contreparties (saisi : {value}).</source>
        <translation>The value of the donation must be strictly positive to assess the benefits in return (entered: {value}).</translation>
    </message>
    <message>
        <source>La valeur saisie est trop longue ({length} caractères, {max} au plus).</source>
        <translation>The value entered is too long ({length} characters, {max} at most).</translation>
    </message>
    <message>
        <source>Le SIREN {value} est invalide : la clé de contrôle ne correspond pas.</source>
        <translation>The SIREN {value} is invalid: the check digit does not match.</translation>
    </message>
    <message>
        <source>Le SIRET {siret} n&apos;appartient pas au SIREN {siren}.</source>
        <translation>The SIRET {siret} does not belong to SIREN {siren}.</translation>
    </message>
    <message>
        <source>Le SIRET {value} est invalide : la clé de contrôle ne correspond pas.</source>
        <translation>The SIRET {value} is invalid: the check digit does not match.</translation>
    </message>
    <message>
        <source>Le champ « {label} » est obligatoire.</source>
        <translation>The “{label}” field is required.</translation>
    </message>
    <message>
        <source>Le classeur n&apos;a pas de feuille « {name} ».</source>
        <translation>The workbook has no sheet “{name}”.</translation>
    </message>
    <message>
        <source>Le code NAF est vide.</source>
        <translation>The NAF code is empty.</translation>
    </message>
    <message>
        <source>Le code NAF « {value} » est invalide : format attendu 62.01Z ou 6201Z (4 chiffres puis une lettre).</source>
        <translation>The NAF code “{value}” is invalid: expected format 62.01Z or 6201Z (4 digits followed by a letter).</translation>
    </message>
    <message>
        <source>Le code commune INSEE est vide.</source>
        <translation>The INSEE municipality code is empty.</translation>
    </message>
    <message>
        <source>Le code commune INSEE « {value} » est invalide : 5 caractères attendus (2 pour le département, 2A ou 2B en Corse, puis 3 chiffres).</source>
        <translation>The INSEE municipality code “{value}” is invalid: 5 characters expected (2 for the département, 2A or 2B in Corsica, then 3 digits).</translation>
    </message>
    <message>
        <source>Le code commune INSEE « {value} » est invalide : en Corse le département s&apos;écrit 2A ou 2B (un code en 20 est un code postal).</source>
        <translation>The INSEE municipality code “{value}” is invalid: in Corsica the département is written 2A or 2B (a code beginning with 20 is a postcode).</translation>
    </message>
    <message>
        <source>Le code commune INSEE « {value} » est invalide : le département {department} n&apos;existe pas.</source>
        <translation>The INSEE municipality code “{value}” is invalid: département {department} does not exist.</translation>
    </message>
    <message>
        <source>Le code postal est vide.</source>
        <translation>The postcode is empty.</translation>
    </message>
    <message>
        <source>Le code postal « {value} » est invalide : 5 chiffres attendus.</source>
        <translation>The postcode “{value}” is invalid: 5 digits expected.</translation>
    </message>
    <message>
        <source>Le disque est plein : rien n&apos;a été enregistré.</source>
        <translation>The disk is full: nothing has been saved.</translation>
    </message>
    <message>
        <source>Le disque est plein : rien n&apos;a été importé. Libérez de la place puis relancez l&apos;import (le fichier reste à sa place).</source>
        <translation>The disk is full: nothing was imported. Free some space and run the import again (the file stays where it is).</translation>
    </message>
    <message>
        <source>Le dossier est déjà « {status} ».</source>
        <translation>The partnership file is already “{status}”.</translation>
    </message>
    <message>
        <source>Le dossier est déjà à l&apos;étape « {stage} ».</source>
        <translation>The partnership file is already at the “{stage}” stage.</translation>
    </message>
    <message>
        <source>Le dossier est « {status} » : reprenez-le avant de changer d&apos;étape.</source>
        <translation>The partnership file is “{status}”: resume it before changing its stage.</translation>
    </message>
    <message>
        <source>Le dossier partagé ne doit pas contenir la base de Passerelle ({path}) : un logiciel de synchronisation copierait une base en cours d&apos;écriture. Choisissez un sous-dossier dédié aux échanges.</source>
        <translation>The shared folder must not contain the Passerelle database ({path}): a sync client would copy a database while it is being written. Choose a sub-folder dedicated to exchanges.</translation>
    </message>
    <message>
        <source>Le dossier {path} n&apos;existe pas (ou n&apos;est pas un dossier).</source>
        <translation>The folder {path} does not exist (or is not a folder).</translation>
    </message>
    <message>
        <source>Le fichier n&apos;est pas encodé en {encoding}.</source>
        <translation>The file is not encoded in {encoding}.</translation>
    </message>
    <message>
        <source>Le fichier {file} est vide.</source>
        <translation>The file {file} is empty.</translation>
    </message>
    <message>
        <source>Le fichier {file} n&apos;est pas un fichier {kind} : ses colonnes ne correspondent pas.</source>
        <translation>The file {file} is not a {kind} file: its columns do not match.</translation>
    </message>
    <message>
        <source>Le fichier {path} contient une autre base de données.</source>
        <translation>The file {path} contains a different database.</translation>
    </message>
    <message>
        <source>Le fichier {path} est vide.</source>
        <translation>The file {path} is empty.</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;est pas un classeur .xlsx lisible.</source>
        <translation>The file {path} is not a readable .xlsx workbook.</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;est pas une base Passerelle lisible.</source>
        <translation>The file {path} is not a readable Passerelle database.</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;est pas une base lisible.</source>
        <translation>The file {path} is not a readable database.</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;existe pas.</source>
        <translation>The file {path} does not exist.</translation>
    </message>
    <message>
        <source>Le fichier « {file} » est introuvable.</source>
        <translation>The file “{file}” cannot be found.</translation>
    </message>
    <message>
        <source>Le fichier « {file} » n&apos;est pas un document Word (.docx) lisible : {error}</source>
        <translation>The file “{file}” is not a readable Word document (.docx): {error}</translation>
    </message>
    <message>
        <source>Le filtre « heure » ne s&apos;applique pas à la valeur « {value} » (une date et heure était attendue).</source>
        <translation>The “heure” filter does not apply to the value “{value}” (a date and time was expected).</translation>
    </message>
    <message>
        <source>Le filtre « {filter} » ne s&apos;applique pas à la valeur « {value} » (un montant était attendu).</source>
        <translation>The “{filter}” filter does not apply to the value “{value}” (an amount was expected).</translation>
    </message>
    <message>
        <source>Le filtre « {filter} » ne s&apos;applique pas à la valeur « {value} » (une date était attendue).</source>
        <translation>The “{filter}” filter does not apply to the value “{value}” (a date was expected).</translation>
    </message>
    <message>
        <source>Le format {suffix} n&apos;est pas pris en charge : enregistrez le fichier au format .xlsx ou .csv depuis votre tableur.</source>
        <translation>The {suffix} format is not supported: save the file as .xlsx or .csv from your spreadsheet program.</translation>
    </message>
    <message>
        <source>Le modèle « {file} » est introuvable.</source>
        <translation>The template “{file}” cannot be found.</translation>
    </message>
    <message>
        <source>Le modèle « {file} » n&apos;a pas pu être rempli : {error}.</source>
        <translation>The template “{file}” could not be filled in: {error}.</translation>
    </message>
    <message>
        <source>Le modèle « {file} » tente une opération interdite ({error}) : rendu refusé.</source>
        <translation>The template “{file}” attempts a forbidden operation ({error}): rendering refused.</translation>
    </message>
    <message>
        <source>Le modèle « {file} » utilise un champ absent des données : {error}.</source>
        <translation>The template “{file}” uses a field that is missing from the data: {error}.</translation>
    </message>
    <message>
        <source>Le montant « {label} » doit être un nombre positif ou nul (saisi : {value}).</source>
        <translation>The amount “{label}” must be a positive number or zero (entered: {value}).</translation>
    </message>
    <message>
        <source>Le nom de famille est vide.</source>
        <translation>The last name is empty.</translation>
    </message>
    <message>
        <source>Le nom est vide.</source>
        <translation>The name is empty.</translation>
    </message>
    <message>
        <source>Le nombre de sauvegardes conservées doit être compris entre {low} et {high}.</source>
        <translation>The number of backups kept must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>Le numéro RNA est vide.</source>
        <translation>The RNA number is empty.</translation>
    </message>
    <message>
        <source>Le numéro RNA {rna} ne suit pas le format habituel (W suivi de 9 chiffres) : vérifiez-le (il peut être correct pour la Corse ou l&apos;outre-mer).</source>
        <translation>The RNA number {rna} does not follow the usual format (W followed by 9 digits): check it (it may be correct for Corsica or overseas).</translation>
    </message>
    <message>
        <source>Le numéro RNA « {value} » est invalide : W suivi de 9 caractères attendu ({length} caractère(s) après le W).</source>
        <translation>The RNA number “{value}” is invalid: W followed by 9 characters expected ({length} character(s) after the W).</translation>
    </message>
    <message>
        <source>Le numéro RNA « {value} » est invalide : après le W, 9 chiffres sont attendus (seul le 2e peut être A ou B pour la Corse ou l&apos;outre-mer).</source>
        <translation>The RNA number “{value}” is invalid: after the W, 9 digits are expected (only the 2nd may be A or B, for Corsica or the French overseas territories).</translation>
    </message>
    <message>
        <source>Le numéro RNA « {value} » est invalide : il doit commencer par la lettre W.</source>
        <translation>The RNA number “{value}” is invalid: it must start with the letter W.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone est vide.</source>
        <translation>The phone number is empty.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » contient des caractères autres que des chiffres.</source>
        <translation>The phone number “{value}” contains characters other than digits.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » doit commencer par 0 (0X XX XX XX XX) ou par +33.</source>
        <translation>The phone number “{value}” must start with 0 (0X XX XX XX XX) or +33.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » doit comporter 10 chiffres (0X XX XX XX XX) ; {length} saisi(s).</source>
        <translation>The phone number “{value}” must have 10 digits (0X XX XX XX XX); {length} entered.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » doit comporter 9 chiffres après +33 ; {length} saisi(s).</source>
        <translation>The phone number “{value}” must have 9 digits after +33; {length} entered.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » est invalide : après le 0 initial, le chiffre suivant doit être entre 1 et 9.</source>
        <translation>The phone number “{value}” is invalid: after the leading 0, the next digit must be between 1 and 9.</translation>
    </message>
    <message>
        <source>Le numéro de téléphone « {value} » n&apos;est pas un numéro français : seul l&apos;indicatif +33 est accepté.</source>
        <translation>The phone number “{value}” is not a French number: only the +33 country code is accepted.</translation>
    </message>
    <message>
        <source>Le plafond annuel de la sécurité sociale (PASS) de {year} n&apos;est pas renseigné.</source>
        <translation>The annual social security ceiling (PASS) for {year} has not been entered.</translation>
    </message>
    <message>
        <source>Le temps de changement de table ne peut pas être négatif.</source>
        <translation>The table changeover time cannot be negative.</translation>
    </message>
    <message>
        <source>Le {label} est vide.</source>
        <translation>The {label} is empty.</translation>
    </message>
    <message>
        <source>Le {label} « {value} » doit comporter {expected} chiffres ({length} saisi(s)).</source>
        <translation>The {label} “{value}” must have {expected} digits ({length} entered).</translation>
    </message>
    <message>
        <source>Le {label} « {value} » ne doit contenir que des chiffres.</source>
        <translation>The {label} “{value}” must contain digits only.</translation>
    </message>
    <message>
        <source>Les notes fusionnées sont vides.</source>
        <translation>The merged notes are empty.</translation>
    </message>
    <message>
        <source>Mode d&apos;effacement inconnu : {mode}</source>
        <translation>Unknown erasure mode: {mode}</translation>
    </message>
    <message>
        <source>Modèle inconnu : « {name} ». Modèles fournis : {known} ; ou donnez le chemin d&apos;un fichier .docx.</source>
        <translation>Unknown template: “{name}”. Templates provided: {known}; or give the path to a .docx file.</translation>
    </message>
    <message>
        <source>Montant invalide : {value}</source>
        <translation>Invalid amount: {value}</translation>
    </message>
    <message>
        <source>Même SIREN que « {name} » (autre établissement) : doublon possible, vérifiez après l&apos;import.</source>
        <translation>Same SIREN as “{name}” (another establishment): possible duplicate, check after the import.</translation>
    </message>
    <message>
        <source>Même courriel qu&apos;à la ligne {other} : ligne ignorée.</source>
        <translation>Same email as on line {other}: line skipped.</translation>
    </message>
    <message>
        <source>Même organisation qu&apos;à la ligne {other} : ligne ignorée.</source>
        <translation>Same organisation as on line {other}: line skipped.</translation>
    </message>
    <message>
        <source>Même personne qu&apos;à la ligne {other} : ligne ignorée.</source>
        <translation>Same person as on line {other}: line skipped.</translation>
    </message>
    <message>
        <source>Nom proche de la ligne {other} dans la même commune : doublon possible, vérifiez après l&apos;import.</source>
        <translation>Name similar to line {other} in the same municipality: possible duplicate, check after the import.</translation>
    </message>
    <message>
        <source>Nom proche de « {name} », déjà enregistrée dans la même commune : doublon possible, vérifiez après l&apos;import.</source>
        <translation>Name similar to “{name}”, already recorded in the same municipality: possible duplicate, check after the import.</translation>
    </message>
    <message>
        <source>Nombre hors des limites pour une écriture en lettres : {value}.</source>
        <translation>Number out of range for writing out in words: {value}.</translation>
    </message>
    <message>
        <source>Opération annulée : rien n&apos;a été modifié.</source>
        <translation>Operation cancelled: nothing was changed.</translation>
    </message>
    <message>
        <source>Organisation « {name} » introuvable : elle sera créée.</source>
        <translation>Organisation “{name}” not found: it will be created.</translation>
    </message>
    <message>
        <source>Organisation « {name} » introuvable : elle sera créée. Nom proche de « {other} » : vérifiez qu&apos;il ne s&apos;agit pas de la même.</source>
        <translation>Organisation “{name}” not found: it will be created. Similar name “{other}”: check that it is not the same one.</translation>
    </message>
    <message>
        <source>Personne à inviter : ajoutez des organisations à la liste de l&apos;événement.</source>
        <translation>Nobody to invite: add organisations to the event&apos;s list.</translation>
    </message>
    <message>
        <source>Plusieurs dossiers portent la référence {ref} (créés sur des postes différents) : utilisez l&apos;identifiant.</source>
        <translation>Several partnership files have the reference {ref} (created on different computers): use the identifier.</translation>
    </message>
    <message>
        <source>Pour ne garder que la Métropole, joignez le fichier StockEtablissement : le fichier StockUniteLegale ne donne pas l&apos;adresse des établissements.</source>
        <translation>To keep only the Métropole, add the StockEtablissement file: the StockUniteLegale file does not give the establishments&apos; addresses.</translation>
    </message>
    <message>
        <source>Rattachez l&apos;échange à un dossier ou à une organisation.</source>
        <translation>Attach the interaction to a partnership file or an organisation.</translation>
    </message>
    <message>
        <source>Saisissez la phrase secrète qui protège le paquet de clé.</source>
        <translation>Enter the passphrase that protects the key package.</translation>
    </message>
    <message>
        <source>Source inconnue : {source} (sirene ou rna attendu).</source>
        <translation>Unknown source: {source} (sirene or rna expected).</translation>
    </message>
    <message>
        <source>Taille d&apos;entreprise inconnue : {value}</source>
        <translation>Unknown company size: {value}</translation>
    </message>
    <message>
        <source>Taille inconnue : « {value} » (attendu : TPE, PME, ETI ou GE).</source>
        <translation>Unknown size: “{value}” (expected: TPE, PME, ETI or GE).</translation>
    </message>
    <message>
        <source>Territoire inconnu : {territory} (mel ou all attendu).</source>
        <translation>Unknown territory: {territory} (mel or all expected).</translation>
    </message>
    <message>
        <source>Type d&apos;enregistrement inconnu : {entity}</source>
        <translation>Unknown record type: {entity}</translation>
    </message>
    <message>
        <source>Type d&apos;import inconnu : {kind} (attendu : organisations ou contacts).</source>
        <translation>Unknown import type: {kind} (expected: organisations or contacts).</translation>
    </message>
    <message>
        <source>Type d&apos;organisation inconnu : {value}</source>
        <translation>Unknown organisation type: {value}</translation>
    </message>
    <message>
        <source>Type d&apos;échange inconnu : {value}</source>
        <translation>Unknown interaction type: {value}</translation>
    </message>
    <message>
        <source>Type inconnu : « {value} » (attendu : association, entreprise, collectivité, réseau ou fondation).</source>
        <translation>Unknown type: “{value}” (expected: association, company, public body, network or foundation).</translation>
    </message>
    <message>
        <source>Un besoin est porté par une association (ou une structure d&apos;intérêt général) : « {name} » est une entreprise.</source>
        <translation>A need is carried by an association (or a general-interest body): “{name}” is a company.</translation>
    </message>
    <message>
        <source>Un contact avec le courriel {email} existe déjà : ligne ignorée.</source>
        <translation>A contact with the email {email} already exists: line skipped.</translation>
    </message>
    <message>
        <source>Un montant ne peut pas être négatif.</source>
        <translation>An amount cannot be negative.</translation>
    </message>
    <message>
        <source>Un participant ne peut pas être à la fois association et entreprise dans le même speed-dating.</source>
        <translation>A participant cannot be both an association and a company in the same speed-dating.</translation>
    </message>
    <message>
        <source>Un souhait de rencontre associe une association et une entreprise : « {name} » est du même côté.</source>
        <translation>A meeting wish pairs an association with a company: “{name}” is on the same side.</translation>
    </message>
    <message>
        <source>Une offre de soutien est portée par une entreprise (ou une fondation, un réseau) : « {name} » est une association.</source>
        <translation>A support offer is made by a company (or a foundation, a network): “{name}” is an association.</translation>
    </message>
    <message>
        <source>Une phrase de passe est nécessaire (--passphrase-file).</source>
        <translation>A passphrase is required (--passphrase-file).</translation>
    </message>
    <message>
        <source>Valeur inconnue pour « {label} » : {value}</source>
        <translation>Unknown value for “{label}”: {value}</translation>
    </message>
    <message>
        <source>{detail}{suffix}</source>
        <translation>{detail}{suffix}</translation>
    </message>
    <message>
        <source>{name} existe déjà dans les contacts (même organisation) : ligne ignorée.</source>
        <translation>{name} already exists in the contacts (same organisation): line skipped.</translation>
    </message>
    <message>
        <source>{what} {id} est introuvable (supprimé ?).</source>
        <translation>{what} {id} cannot be found (deleted?).</translation>
    </message>
    <message>
        <source>« {file} » n&apos;est pas un document Word .docx : enregistrez le modèle au format .docx (Word ou LibreOffice) puis importez-le.</source>
        <translation>« {file} » is not a Word .docx document: save the template as .docx (Word or LibreOffice), then import it.</translation>
    </message>
    <message>
        <source>« {file} » n&apos;est pas une image PNG, JPEG ou GIF : choisissez le logo dans l&apos;un de ces formats.</source>
        <translation>« {file} » is not a PNG, JPEG or GIF image: choose the logo in one of these formats.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : ligne ignorée.</source>
        <translation>“{name}” already exists: line skipped.</translation>
    </message>
    <message>
        <source>« {value} » n&apos;est pas un IBAN français : la clé RIB ne peut pas être vérifiée.</source>
        <translation>“{value}” is not a French IBAN: the RIB key cannot be checked.</translation>
    </message>
    <message>
        <source>Échelle inconnue : {scale} (mda ou metropolis).</source>
        <translation>Unknown scale: {scale} (mda or metropolis).</translation>
    </message>
    <message>
        <source>Passerelle</source>
        <translation>Passerelle</translation>
    </message>
</context>
<context>
    <name>EventDialogs</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Modifier l&apos;événement</source>
        <translation>Edit the event</translation>
    </message>
    <message>
        <source>Nouvel événement</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Ex. : Speed-dating associations–entreprises de Roubaix</source>
        <translation>E.g. Roubaix associations–companies speed-dating</translation>
    </message>
    <message>
        <source>Ex. : Maison des associations, salle 2</source>
        <translation>E.g. Maison des associations, room 2</translation>
    </message>
    <message>
        <source>Non précisée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Intitulé</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Date et heure</source>
        <translation>&amp;Date and time</translation>
    </message>
    <message>
        <source>&amp;Lieu</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>&amp;Commune</source>
        <translation>&amp;Commune</translation>
    </message>
    <message>
        <source>Durée d&apos;un &amp;tour</source>
        <translation>&amp;Round length</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Inviter des organisations</source>
        <translation>Invite organisations</translation>
    </message>
    <message>
        <source>Tapez le nom d&apos;une association ou d&apos;une entreprise…</source>
        <translation>Type the name of an association or a company…</translation>
    </message>
    <message>
        <source>Retirer de la liste</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Inviter</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Ajoutez au moins une organisation.</source>
        <translation>Add at least one organisation.</translation>
    </message>
    <message>
        <source>Souhaits de rencontre — {name}</source>
        <translation>Meeting wishes — {name}</translation>
    </message>
    <message>
        <source>Cochez les organisations que {name} souhaite rencontrer. Le planning place les souhaits en premier.</source>
        <translation>Tick the organisations {name} wishes to meet. The schedule places wishes first.</translation>
    </message>
    <message>
        <source>Consigner une rencontre</source>
        <translation>Log an encounter</translation>
    </message>
    <message>
        <source>Ce qui s&apos;est dit, les pistes, la suite convenue…</source>
        <translation>What was said, the leads, the agreed next step…</translation>
    </message>
    <message>
        <source>Le dossier entre les deux organisations s&apos;ouvre (ou se complète s&apos;il existe) à l&apos;étape « Mise en relation ».</source>
        <translation>The file between the two organisations opens (or is completed if it exists) at the “Matching” stage.</translation>
    </message>
    <message>
        <source>&amp;Association</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <source>&amp;Entreprise</source>
        <translation>&amp;Company</translation>
    </message>
    <message>
        <source>Consigner</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Consigner et ouvrir le dossier</source>
        <translation>Log and open the file</translation>
    </message>
    <message>
        <source>Il faut une association et une entreprise inscrites à l&apos;événement.</source>
        <translation>An association and a company registered for the event are needed.</translation>
    </message>
    <message>
        <source>Planning du speed-dating</source>
        <translation>Speed-dating schedule</translation>
    </message>
    <message>
        <source>Tour / table</source>
        <translation>Round / table</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Double-cliquez sur une rencontre pour la consigner et ouvrir le dossier des deux organisations.</source>
        <translation>Double-click a meeting to log it and open the two organisations&apos; file.</translation>
    </message>
    <message>
        <source>Exporter en Word…</source>
        <translation>Export to Word…</translation>
    </message>
    <message>
        <source>Exporter en PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Changement de table :</source>
        <translation>Table changeover:</translation>
    </message>
    <message>
        <source>Rencontres minimum par participant :</source>
        <translation>Minimum meetings per participant:</translation>
    </message>
    <message>
        <source>Rien à planifier : il faut au moins une association et une entreprise marquées « Présent ».</source>
        <translation>Nothing to plan: at least one association and one company must be marked “Present”.</translation>
    </message>
    <message>
        <source>{rounds} tours de {minutes} min, de {start} à {end} : {meetings} rencontres dont {wished} souhaitées, sur {tables} tables. C&apos;est le minimum possible : le participant le plus demandé a {rounds} rencontres. ★ : rencontre souhaitée.</source>
        <translation>{rounds} rounds of {minutes} min, from {start} to {end}: {meetings} meetings including {wished} wished, at {tables} tables. That is the minimum possible: the most requested participant has {rounds} meetings. ★: wished meeting.</translation>
    </message>
    <message>
        <source>Tour {number} — {time}</source>
        <translation>Round {number} — {time}</translation>
    </message>
    <message>
        <source>Table {table}</source>
        <translation>Table {table}</translation>
    </message>
    <message>
        <source>Sans vis-à-vis : {names}.</source>
        <translation>Nobody to meet: {names}.</translation>
    </message>
    <message>
        <source>Souhaits non planifiables (participant absent) : {count}.</source>
        <translation>Wishes that cannot be planned (participant absent): {count}.</translation>
    </message>
    <message>
        <source>planning_speed_dating</source>
        <translation>speed_dating_schedule</translation>
    </message>
    <message>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Speed-dating associations–entreprises</source>
        <translation>Association–company speed networking</translation>
    </message>
    <message>
        <source>Petit-déjeuner</source>
        <translation>Breakfast meeting</translation>
    </message>
    <message>
        <source>Conférence</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Inviter…</source>
        <translation>Invite…</translation>
    </message>
    <message>
        <source>Lettres d&apos;invitation</source>
        <translation>Invitation letters</translation>
    </message>
    <message>
        <source>Une lettre « Invitation à une rencontre collective » par organisation invitée ou inscrite.</source>
        <translation>One “Invitation to a collective meeting” letter per invited or registered organisation.</translation>
    </message>
    <message>
        <source>Planning speed-dating</source>
        <translation>Speed-dating schedule</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Souhaits</source>
        <translation>Wishes</translation>
    </message>
    <message>
        <source>Souhaits…</source>
        <translation>Wishes…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Marquer la sélection :</source>
        <translation>Mark the selection:</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Consigner une rencontre…</source>
        <translation>Log an encounter…</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Aucune rencontre consignée. Pendant l&apos;événement, « Consigner une rencontre » note qui a rencontré qui et ouvre leur dossier.</source>
        <translation>No encounter logged. During the event, “Log an encounter” records who met whom and opens their file.</translation>
    </message>
    <message>
        <source>Programme, intervenants, logistique, bilan de l&apos;événement…</source>
        <translation>Programme, speakers, logistics, review of the event…</translation>
    </message>
    <message>
        <source>Enregistrer les notes</source>
        <translation>Save the notes</translation>
    </message>
    <message>
        <source>{invited} organisations, {registered} inscrites, {present} présentes, {absent} absentes · {documents} documents</source>
        <translation>{invited} organisations, {registered} registered, {present} present, {absent} absent · {documents} documents</translation>
    </message>
    <message>
        <source>tours de {minutes} min</source>
        <translation>{minutes}-minute rounds</translation>
    </message>
    <message>
        <source>Organisations ({count})</source>
        <translation>Organisations ({count})</translation>
    </message>
    <message>
        <source>Rencontres ({count})</source>
        <translation>Encounters ({count})</translation>
    </message>
    <message>
        <source>Choisissez une organisation dans la liste.</source>
        <translation>Choose an organisation in the list.</translation>
    </message>
    <message>
        <source>invitations</source>
        <translation>invitations</translation>
    </message>
    <message>
        <source>Préparation des invitations…</source>
        <translation>Preparing the invitations…</translation>
    </message>
    <message>
        <source>{count} lettre d&apos;invitation écrite dans {folder}.</source>
        <translation>{count} invitation letter written in {folder}.</translation>
    </message>
    <message>
        <source>{count} lettres d&apos;invitation écrites dans {folder}.</source>
        <translation>{count} invitation letters written in {folder}.</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Rencontre consignée : dossier {reference} ouvert à l&apos;étape « Mise en relation ».</source>
        <translation>Encounter logged: file {reference} opened at the “Matching” stage.</translation>
    </message>
    <message>
        <source>Rencontre consignée dans le dossier {reference}.</source>
        <translation>Encounter logged in file {reference}.</translation>
    </message>
    <message>
        <source>Les actions collectives qui font se rencontrer associations et entreprises : invitations, présences, speed-datings et rencontres qui deviennent des dossiers.</source>
        <translation>The collective actions where associations and companies meet: invitations, attendance, speed-datings and encounters that become files.</translation>
    </message>
    <message>
        <source>Nouvel événement</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Aucun événement pour l&apos;instant. Créez un speed-dating, un petit-déjeuner, une conférence ou un atelier avec « Nouvel événement ».</source>
        <translation>No event yet. Create a speed-dating, a breakfast, a conference or a workshop with “New event”.</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Choisissez un événement dans la liste.</source>
        <translation>Choose an event in the list.</translation>
    </message>
    <message>
        <source>Événements : {count}. « Présentes » : organisations présentes sur invitées.</source>
        <translation>Events: {count}. “Present”: organisations present out of invited.</translation>
    </message>
    <message>
        <source>Présentes</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Tous les événements</source>
        <translation>All events</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporter mes modifications</source>
        <translation>Export my changes</translation>
    </message>
    <message>
        <source>Passerelle écrit un fichier de synchronisation avec tout ce que contient votre base. Vos collègues l&apos;importent pour recevoir vos modifications ; il est chiffré et ne peut être ouvert que par votre équipe.</source>
        <translation>Passerelle writes a sync file with everything your database holds. Your colleagues import it to receive your changes; it is encrypted and only your team can open it.</translation>
    </message>
    <message>
        <source>Dans le dossier partagé : {path}</source>
        <translation>In the shared folder: {path}</translation>
    </message>
    <message>
        <source>Dans le dossier partagé (aucun n&apos;est choisi)</source>
        <translation>In the shared folder (none is chosen)</translation>
    </message>
    <message>
        <source>Dans un autre dossier (clé USB…) :</source>
        <translation>In another folder (USB key…):</translation>
    </message>
    <message>
        <source>Choisissez un dossier avec « Parcourir… »</source>
        <translation>Choose a folder with “Browse…”</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Protéger aussi par une phrase de passe</source>
        <translation>Also protect with a passphrase</translation>
    </message>
    <message>
        <source>Aucun trousseau de clés n&apos;est disponible sur cet ordinateur : le fichier sera protégé par une phrase de passe, à communiquer à vos collègues par un autre moyen (téléphone, de vive voix). Rien n&apos;est jamais écrit en clair.</source>
        <translation>No keyring is available on this computer: the file will be protected by a passphrase, to give your colleagues by another channel (phone, in person). Nothing is ever written in clear.</translation>
    </message>
    <message>
        <source>La clé de l&apos;équipe n&apos;est pas dans le trousseau de cet ordinateur : le fichier sera protégé par une phrase de passe (ou importez la clé d&apos;équipe : menu Synchronisation › Équipe…).</source>
        <translation>The team key is not in this computer&apos;s keyring: the file will be protected by a passphrase (or import the team key: menu Synchronisation › Team…).</translation>
    </message>
    <message>
        <source>Le fichier est protégé par la clé de l&apos;équipe, rangée dans le trousseau du système. Une phrase de passe en plus permet à un collègue qui n&apos;a pas encore la clé de l&apos;ouvrir.</source>
        <translation>The file is protected by the team key, kept in the system keyring. An extra passphrase lets a colleague who does not have the key yet open it.</translation>
    </message>
    <message>
        <source>Phrase de passe :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation>Confirmation:</translation>
    </message>
    <message>
        <source>organisations_{date}</source>
        <translation>organisations_{date}</translation>
    </message>
    <message>
        <source>contacts_{date}</source>
        <translation>contacts_{date}</translation>
    </message>
    <message>
        <source>dossiers_{date}</source>
        <translation>files_{date}</translation>
    </message>
    <message>
        <source>echanges_{date}</source>
        <translation>interactions_{date}</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV pour Excel, séparateur point-virgule (*.csv)</source>
        <translation>CSV for Excel, semicolon-separated (*.csv)</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>{n} ligne exportée dans {path}</source>
        <translation>{n} row exported to {path}</translation>
    </message>
    <message>
        <source>{n} lignes exportées dans {path}</source>
        <translation>{n} rows exported to {path}</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dossier de l&apos;export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>Choisissez le dossier de l&apos;export.</source>
        <translation>Choose the export folder.</translation>
    </message>
    <message>
        <source>Le dossier {path} n&apos;existe pas.</source>
        <translation>The folder {path} does not exist.</translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins 8 caractères.</source>
        <translation>The passphrase must have at least 8 characters.</translation>
    </message>
    <message>
        <source>Les deux saisies de la phrase de passe diffèrent.</source>
        <translation>The two passphrase entries differ.</translation>
    </message>
</context>
<context>
    <name>FileDetailView</name>
    <message>
        <source>Enregistrer la fiche de synthèse</source>
        <translation>Save the case summary</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Document Word (*.docx)</source>
        <translation>PDF (*.pdf);;Word document (*.docx)</translation>
    </message>
    <message>
        <source>Aucun dossier ouvert.
Double-cliquez sur un dossier dans « Dossiers » pour l&apos;afficher ici.</source>
        <extracomment>Where generated documents go; None: the app&apos;s documents folder (tests set a tmp dir).</extracomment>
        <translation>No file open.
Double-click a file in “Files” to display it here.</translation>
    </message>
    <message>
        <source>Intitulé du dossier</source>
        <translation>File title</translation>
    </message>
    <message>
        <source>Cliquez pour modifier l&apos;intitulé ; Entrée pour enregistrer, Échap pour annuler.</source>
        <translation>Click to edit the title; Enter to save, Esc to cancel.</translation>
    </message>
    <message>
        <source>Catégorie à préciser</source>
        <translation>Category to be specified</translation>
    </message>
    <message>
        <source>Non attribué</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Consigner un échange</source>
        <translation>Log an interaction</translation>
    </message>
    <message>
        <source>Mettre en pause</source>
        <translation>Put on hold</translation>
    </message>
    <message>
        <source>Abandonner</source>
        <translation>Abandon</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Générer un document…</source>
        <translation>Generate a document…</translation>
    </message>
    <message>
        <source>Fiche de synthèse (PDF)…</source>
        <translation>Case summary (PDF)…</translation>
    </message>
    <message>
        <source>Changer d&apos;étape</source>
        <translation>Change stage</translation>
    </message>
    <message>
        <source>Catégorie :</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Suivi par :</source>
        <translation>Handled by:</translation>
    </message>
    <message>
        <source>Objectifs, freins et thèmes</source>
        <translation>Objectives, brakes and themes</translation>
    </message>
    <message>
        <source>Double-cliquez sur un échange pour lire ses notes complètes.</source>
        <translation>Double-click an interaction to read its full notes.</translation>
    </message>
    <message>
        <source>Journal des modifications…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Aucune tâche ouverte pour ce dossier. Les prochaines étapes d&apos;un échange deviennent des tâches ; vous pouvez aussi en ajouter une ci-dessous.</source>
        <translation>No open tasks for this file. The next steps of an interaction become tasks; you can also add one below.</translation>
    </message>
    <message>
        <source>Nouvelle tâche, ex. : relancer la direction RSE</source>
        <translation>New task, e.g. follow up with the CSR department</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Ajouter la tâche</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Montant valorisé</source>
        <translation>Valued amount</translation>
    </message>
    <message>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Aucune convention rattachée à ce dossier. Une convention est nécessaire pour passer à l&apos;étape « Convention ».</source>
        <translation>No agreement attached to this file. An agreement is required to move to the “Agreement” stage.</translation>
    </message>
    <message>
        <source>Ajouter un thème</source>
        <translation>Add a theme</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Retirer le thème sélectionné</source>
        <translation>Remove the selected theme</translation>
    </message>
    <message>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Freins observés</source>
        <translation>Brakes observed</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Enregistrer les modifications</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Annuler les modifications</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Échanges</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Dernier échange</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <source>Personne n&apos;a encore été noté comme participant à un échange de ce dossier. Ajoutez les participants en consignant un échange.</source>
        <translation>Nobody has been recorded yet as a participant in an interaction for this file. Add participants when you log an interaction.</translation>
    </message>
    <message>
        <source>Historique ({n})</source>
        <translation>History ({n})</translation>
    </message>
    <message>
        <source>Tâches ({n})</source>
        <translation>Tasks ({n})</translation>
    </message>
    <message>
        <source>Conventions ({n})</source>
        <translation>Agreements ({n})</translation>
    </message>
    <message>
        <source>Participants ({n})</source>
        <translation>Participants ({n})</translation>
    </message>
    <message>
        <source>association à renseigner</source>
        <translation>association to be specified</translation>
    </message>
    <message>
        <source>entreprise à renseigner</source>
        <translation>company to be specified</translation>
    </message>
    <message>
        <source>Ouvert le {date}</source>
        <translation>Opened on {date}</translation>
    </message>
    <message>
        <source>à l&apos;étape actuelle depuis le {date}</source>
        <translation>at the current stage since {date}</translation>
    </message>
    <message>
        <source>Ce dossier est en pause.</source>
        <translation>This file is on hold.</translation>
    </message>
    <message>
        <source>Ce dossier a été abandonné.</source>
        <translation>This file has been abandoned.</translation>
    </message>
    <message>
        <source>Raison : {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>« Reprendre » le remet en cours à la même étape.</source>
        <translation>“Resume” makes it active again at the same stage.</translation>
    </message>
    <message>
        <source>échéance le {date}</source>
        <translation>due on {date}</translation>
    </message>
    <message>
        <source>Cochez quand c&apos;est fait.</source>
        <translation>Tick when done.</translation>
    </message>
    <message>
        <source>En retard. Cochez quand c&apos;est fait.</source>
        <translation>Overdue. Tick when done.</translation>
    </message>
    <message>
        <source>Revenir à une étape précédente</source>
        <translation>Go back to a previous stage</translation>
    </message>
    <message>
        <source>Revenir à l&apos;étape « {stage} » ? Vous pouvez indiquer pourquoi (facultatif).</source>
        <translation>Go back to the “{stage}” stage? You can say why (optional).</translation>
    </message>
    <message>
        <source>Mettre le dossier en pause</source>
        <translation>Put the file on hold</translation>
    </message>
    <message>
        <source>Pourquoi mettre ce dossier en pause ? (par exemple : attente du budget de l&apos;entreprise)</source>
        <translation>Why put this file on hold? (for example: waiting for the company&apos;s budget)</translation>
    </message>
    <message>
        <source>Abandonner le dossier</source>
        <translation>Abandon the file</translation>
    </message>
    <message>
        <source>Pourquoi abandonner ce dossier ? La raison reste dans son historique ; vous pourrez le reprendre plus tard.</source>
        <translation>Why abandon this file? The reason stays in its history; you can resume it later.</translation>
    </message>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Fiche de synthèse</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>La fiche de synthèse est enregistrée : {path}</source>
        <translation>The case summary was saved: {path}</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>FileOrigin</name>
    <message>
        <source>Rencontre collective</source>
        <translation>Collective meeting</translation>
    </message>
    <message>
        <source>Orientation par un partenaire</source>
        <translation>Referral by a partner</translation>
    </message>
    <message>
        <source>Demande directe</source>
        <translation>Direct request</translation>
    </message>
    <message>
        <source>Mise en relation (besoin ↔ offre)</source>
        <translation>Matching (need ↔ offer)</translation>
    </message>
</context>
<context>
    <name>FileStatus</name>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>En pause</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Abandonné</source>
        <translation>Abandoned</translation>
    </message>
</context>
<context>
    <name>FileTimeline</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Échange</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Ouverture du dossier à l&apos;étape « {stage} »</source>
        <translation>File opened at the “{stage}” stage</translation>
    </message>
    <message>
        <source>« {old} » → « {new} »</source>
        <translation>“{old}” → “{new}”</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>par {name}</source>
        <translation>by {name}</translation>
    </message>
</context>
<context>
    <name>FilesView</name>
    <message>
        <source>Changement d&apos;étape impossible</source>
        <extracomment>Days in a stage after which a card shows its age in orange (a stalled file). Entities whose change can alter what the view shows.</extracomment>
        <translation>Cannot change stage</translation>
    </message>
    <message>
        <source>Le dossier ne peut pas encore passer à l&apos;étape «&#xa0;{stage}&#xa0;».</source>
        <translation>The file cannot move to the “{stage}” stage yet.</translation>
    </message>
    <message>
        <source>Il manque :
{items}

Complétez le dossier puis réessayez.</source>
        <translation>Missing:
{items}

Complete the file and try again.</translation>
    </message>
    <message>
        <source>À l&apos;étape « {stage} » depuis {n} jour</source>
        <translation>At the “{stage}” stage for {n} day</translation>
    </message>
    <message>
        <source>À l&apos;étape « {stage} » depuis {n} jours</source>
        <translation>At the “{stage}” stage for {n} days</translation>
    </message>
    <message>
        <source>{n} j</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>… et {n} autre : utilisez la vue Liste pour le voir</source>
        <translation>… and {n} more: use the List view to see it</translation>
    </message>
    <message>
        <source>… et {n} autres : utilisez la vue Liste pour les voir</source>
        <translation>… and {n} more: use the List view to see them</translation>
    </message>
    <message>
        <source>{n} dossier</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} dossiers</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Facilitateur</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>À l&apos;étape depuis</source>
        <translation>At stage since</translation>
    </message>
    <message>
        <source>Dossiers d&apos;accompagnement</source>
        <translation>Partnership files</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Afficher les dossiers en pause ou abandonnés</source>
        <translation>Show files on hold or abandoned</translation>
    </message>
    <message>
        <source>Exporter les dossiers affichés, avec les filtres et le tri en cours</source>
        <translation>Export the files shown, with the current filters and sort order</translation>
    </message>
    <message>
        <source>Nouveau dossier</source>
        <translation>New file</translation>
    </message>
    <message>
        <source>Aucun dossier pour l&apos;instant.
Créez le premier avec « Nouveau dossier » : il apparaîtra dans la colonne « Premier contact ».</source>
        <translation>No files yet.
Create the first one with “New file”: it will appear in the “First contact” column.</translation>
    </message>
    <message>
        <source>Rechercher (référence, intitulé, organisation…)</source>
        <translation>Search (reference, title, organisation…)</translation>
    </message>
    <message>
        <source>Toutes les étapes</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tous les facilitateurs</source>
        <translation>All facilitators</translation>
    </message>
    <message>
        <source>Toutes les communes</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>Tous les thèmes</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>Toutes les tailles d&apos;entreprise</source>
        <translation>All company sizes</translation>
    </message>
    <message>
        <source>Réinitialiser</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Aucun dossier ne correspond à ces filtres.
Modifiez ou réinitialisez les filtres, ou créez un dossier avec « Nouveau dossier ».</source>
        <translation>No files match these filters.
Change or reset the filters, or create a file with “New file”.</translation>
    </message>
    <message>
        <source>{n} dossier exporté dans {path}</source>
        <translation>{n} file exported to {path}</translation>
    </message>
    <message>
        <source>{n} dossiers exportés dans {path}</source>
        <translation>{n} files exported to {path}</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Passer à l&apos;étape…</source>
        <translation>Move to stage…</translation>
    </message>
    <message>
        <source>Consigner un échange…</source>
        <translation>Log an interaction…</translation>
    </message>
</context>
<context>
    <name>GenerateDocumentDialog</name>
    <message>
        <source>Choisir un modèle .docx</source>
        <translation>Choose a .docx template</translation>
    </message>
    <message>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Remplacer le fichier ?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>Le fichier « {name} » existe déjà dans {folder}. Le remplacer ?</source>
        <translation>The file “{name}” already exists in {folder}. Replace it?</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Lettre</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Compte rendu</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Synthèse</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Générer un document</source>
        <translation>Generate a document</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Utiliser un autre fichier .docx…</source>
        <translation>Use another .docx file…</translation>
    </message>
    <message>
        <source>Convention :</source>
        <translation>Agreement:</translation>
    </message>
    <message>
        <source>Dossier de destination</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>Nom du fichier</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Générer</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Enregistré dans :</source>
        <translation>Saved in:</translation>
    </message>
    <message>
        <source>Nom du fichier :</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Modèle :</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Dossier {reference} — {title}</source>
        <translation>File {reference} — {title}</translation>
    </message>
    <message>
        <source>Modèle sans description.</source>
        <translation>Template without a description.</translation>
    </message>
    <message>
        <source>Document enregistré (version {version}) : {path}</source>
        <translation>Document saved (version {version}): {path}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide d&apos;utilisation</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>RNA</source>
        <translation>RNA</translation>
    </message>
    <message>
        <source>Code NAF</source>
        <translation>NAF code</translation>
    </message>
    <message>
        <source>Forme juridique</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>ESS</source>
        <translation>Social economy (ESS)</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Commune (INSEE)</source>
        <translation>Municipality (INSEE)</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>QPV</source>
        <translation>Priority neighbourhood (QPV)</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Maturité</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>Fusionnée dans</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nom de famille</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Titre / fonction</source>
        <translation>Title / position</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Base légale</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Consentement le</source>
        <translation>Consent given on</translation>
    </message>
    <message>
        <source>Source de la collecte</source>
        <translation>Collection source</translation>
    </message>
    <message>
        <source>Collecte le</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>Dernier contact entrant</source>
        <translation>Last inbound contact</translation>
    </message>
    <message>
        <source>Opposition à la prospection</source>
        <translation>Objects to prospecting</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Chargé(e) d&apos;accompagnement</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>À l&apos;étape depuis</source>
        <translation>At this stage since</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Freins</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Événement d&apos;origine</source>
        <translation>Originating event</translation>
    </message>
    <message>
        <source>Ouvert le</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Clos le</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Partenariat réussi</source>
        <translation>Successful partnership</translation>
    </message>
    <message>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Effacement RGPD</source>
        <translation>GDPR erasure</translation>
    </message>
    <message>
        <source>valeurs effacées</source>
        <translation>values erased</translation>
    </message>
    <message>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <source>Restauration</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Création</source>
        <translation>Creation</translation>
    </message>
    <message>
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Historique : {name}</source>
        <translation>History: {name}</translation>
    </message>
    <message>
        <source>Chaque modification, la plus récente en premier : qui l&apos;a faite, quand, sur quel poste, et la valeur avant et après. Les modifications des collègues arrivent avec la synchronisation.</source>
        <translation>Every change, most recent first: who made it, when, on which computer, and the value before and after. Colleagues&apos; changes arrive with synchronisation.</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Poste</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Donnée</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Après</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Chargement de l&apos;historique…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <source>Aucune modification enregistrée.</source>
        <translation>No change recorded.</translation>
    </message>
    <message>
        <source>L&apos;historique n&apos;a pas pu être lu.</source>
        <translation>The history could not be read.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>en retard de {days} j</source>
        <extracomment>Upcoming relances are those due within this many days.</extracomment>
        <translation>{days} d overdue</translation>
    </message>
    <message>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <source>demain</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>dans {days} j</source>
        <translation>in {days} d</translation>
    </message>
    <message>
        <source>Bonjour</source>
        <translation>Hello</translation>
    </message>
    <message>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cocher quand c&apos;est fait</source>
        <translation>Tick when done</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Relance</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>{title}
Pour : {who}</source>
        <translation>{title}
For: {who}</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Cochez une relance pour la marquer comme faite ; double-cliquez pour ouvrir son dossier.</source>
        <translation>Tick a follow-up to mark it as done; double-click to open its file.</translation>
    </message>
    <message>
        <source>Mes relances</source>
        <translation>My follow-ups</translation>
    </message>
    <message>
        <source>Inclure celles de mes collègues</source>
        <translation>Include my colleagues&apos; follow-ups</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Modifié</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>Dossiers récemment modifiés</source>
        <translation>Recently modified files</translation>
    </message>
    <message>
        <source>Aucun dossier pour l&apos;instant. Ouvrez-en un avec Fichier › Nouveau dossier…</source>
        <translation>No files yet. Open one with File › New file…</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>{days} j</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>À cette étape depuis le {date}</source>
        <translation>At this stage since {date}</translation>
    </message>
    <message>
        <source>Dossiers qui stagnent</source>
        <translation>Stalled files</translation>
    </message>
    <message>
        <source>Aucune relance en retard ni prévue dans les 14 prochains jours, pour toute l&apos;équipe.</source>
        <translation>No follow-ups overdue or due in the next 14 days, for the whole team.</translation>
    </message>
    <message>
        <source>Aucune relance en retard ni prévue dans les 14 prochains jours. Les prochaines étapes notées en consignant un échange (Ctrl+M) apparaissent ici.</source>
        <translation>No follow-ups overdue or due in the next 14 days. Next steps noted when logging an interaction (Ctrl+M) appear here.</translation>
    </message>
    <message>
        <source>Aucune relance ne vous est attribuée ({user}) : voici celles de toute l&apos;équipe.</source>
        <translation>No follow-ups are assigned to you ({user}): here are the whole team&apos;s.</translation>
    </message>
    <message>
        <source>En retard : {overdue} · dans les 14 jours : {upcoming}. Cochez une relance faite ; double-cliquez pour ouvrir son dossier.</source>
        <translation>Overdue: {overdue} · due within 14 days: {upcoming}. Tick a follow-up once done; double-click to open its file.</translation>
    </message>
    <message>
        <source>Dossiers actifs à la même étape depuis plus de {days} jours (hors « Mise en œuvre &amp; suivi » et « Partenariat structurant ») : {count}.</source>
        <translation>Active files at the same stage for more than {days} days (excluding “Implementation &amp; follow-up” and “Structuring partnership”): {count}.</translation>
    </message>
    <message>
        <source>Aucun dossier actif n&apos;est resté plus de {days} jours à la même étape. Le seuil se règle dans Fichier › Préférences…</source>
        <translation>No active file has stayed at the same stage for more than {days} days. The threshold is set in File › Preferences…</translation>
    </message>
    <message>
        <source>Bonsoir</source>
        <translation>Good evening</translation>
    </message>
    <message>
        <source>{hello} {name}</source>
        <translation>{hello}, {name}</translation>
    </message>
    <message>
        <source>Nous sommes le {date}. Relances en retard : {count}.</source>
        <translation>Today is {date}. Overdue follow-ups: {count}.</translation>
    </message>
    <message>
        <source>Nous sommes le {date}.</source>
        <translation>Today is {date}.</translation>
    </message>
    <message>
        <source>Nous sommes le {date}. Aucune relance en retard.</source>
        <translation>Today is {date}. No overdue follow-ups.</translation>
    </message>
</context>
<context>
    <name>IdTableModel</name>
    <message>
        <source>Oui</source>
        <extracomment>Role returning the row&apos;s UUID as text (for views, tests and drag-and-drop). Role returning the raw value of a cell (before formatting).</extracomment>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importer un registre</source>
        <translation>Import a register</translation>
    </message>
    <message>
        <source>SIRENE (entreprises) : StockEtablissement et StockUniteLegale</source>
        <translation>SIRENE (companies): StockEtablissement and StockUniteLegale</translation>
    </message>
    <message>
        <source>RNA (associations) : rna_waldec ou rna_import</source>
        <translation>RNA (associations): rna_waldec or rna_import</translation>
    </message>
    <message>
        <source>Aucun fichier choisi.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Choisir les fichiers…</source>
        <translation>Choose the files…</translation>
    </message>
    <message>
        <source>Seulement les 95 communes de la Métropole</source>
        <translation>Only the Métropole&apos;s 95 communes</translation>
    </message>
    <message>
        <source>Fichiers publiés sur data.gouv.fr, en CSV ou dans leur archive zip. L&apos;import remplace le millésime précédent de la même source ; les données des personnes (déclarants, entrepreneurs individuels) ne sont jamais importées.</source>
        <translation>Files published on data.gouv.fr, as CSV or in their zip archive. The import replaces the previous vintage of the same source; personal data (declarants, sole traders) is never imported.</translation>
    </message>
    <message>
        <source>Registre</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Fichiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Fichiers du registre</source>
        <translation>Register files</translation>
    </message>
    <message>
        <source>Fichiers publiés (*.csv *.zip)</source>
        <translation>Published files (*.csv *.zip)</translation>
    </message>
</context>
<context>
    <name>ImportTemplateDialog</name>
    <message>
        <source>Importer un modèle</source>
        <translation>Import a template</translation>
    </message>
    <message>
        <source>À quoi sert ce modèle, quand l&apos;utiliser…</source>
        <translation>What this template is for, when to use it…</translation>
    </message>
    <message>
        <source>Le fichier « {file} » a été vérifié : tous ses champs sont connus. Une copie est gardée avec vos données ; pour le modifier ensuite, réimportez-le.</source>
        <translation>The file « {file} » was checked: all its fields are known. A copy is kept with your data; to change it later, import it again.</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Usage :</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Description :</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InteractionKind</name>
    <message>
        <source>Réunion</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Appel téléphonique</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Séance de médiation</source>
        <translation>Mediation session</translation>
    </message>
    <message>
        <source>Visite sur site</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Rencontre lors d&apos;un événement</source>
        <translation>Meeting at an event</translation>
    </message>
    <message>
        <source>Réunion de bilan</source>
        <translation>Review meeting</translation>
    </message>
</context>
<context>
    <name>LegalBasis</name>
    <message>
        <source>Intérêt légitime</source>
        <translation>Legitimate interest</translation>
    </message>
    <message>
        <source>Consentement</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Exécution d&apos;un contrat</source>
        <translation>Performance of a contract</translation>
    </message>
    <message>
        <source>Obligation légale</source>
        <translation>Legal obligation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Accueil</source>
        <extracomment>The navigation&apos;s views, in order (Ctrl+1 … Ctrl+9).</extracomment>
        <translation>Home</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Besoins et offres</source>
        <translation>Needs and offers</translation>
    </message>
    <message>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Observatoire</source>
        <translation>Observatory</translation>
    </message>
    <message>
        <source>Registre</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Conflits</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>RGPD</source>
        <translation>GDPR</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Base : {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Utilisateur : {user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <source>Nouveau dossier…</source>
        <translation>New file…</translation>
    </message>
    <message>
        <source>Nouvelle organisation…</source>
        <translation>New organisation…</translation>
    </message>
    <message>
        <source>Consigner un échange…</source>
        <translation>Log an interaction…</translation>
    </message>
    <message>
        <source>Consigner une réunion, un appel, une médiation… (Ctrl+M)</source>
        <translation>Log a meeting, a call, a mediation session… (Ctrl+M)</translation>
    </message>
    <message>
        <source>Préférences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Rechercher…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>← Retour</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Revenir à la vue précédente (Alt+←)</source>
        <translation>Go back to the previous view (Alt+←)</translation>
    </message>
    <message>
        <source>À propos de Passerelle</source>
        <translation>About Passerelle</translation>
    </message>
    <message>
        <source>Guide d&apos;utilisation</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Barre principale</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Consigner un échange</source>
        <translation>Log an interaction</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Passerelle {version}&lt;/h3&gt;&lt;p&gt;Le carnet de bord des facilitateurs de partenariats entre associations et entreprises de la métropole lilloise : mise en relation, accompagnement des dossiers, animation et observatoire.&lt;/p&gt;&lt;p&gt;Fonctionne hors ligne ; vos données restent sur ce poste.&lt;/p&gt;&lt;p&gt;Licence EUPL-1.2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Passerelle {version}&lt;/h3&gt;&lt;p&gt;The logbook of partnership facilitators working between associations and companies in the Lille metropolis: matching, partnership-file support, community engagement and observatory.&lt;/p&gt;&lt;p&gt;Works offline; your data stays on this computer.&lt;/p&gt;&lt;p&gt;Licence EUPL-1.2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MatchReason</name>
    <message>
        <source>Même nature de soutien : {nature}</source>
        <extracomment>The matching reasons (``domain.matching.TEXTS``) declared for lupdate; a test keeps the two lists equal.</extracomment>
        <translation>Same nature of support: {nature}</translation>
    </message>
    <message>
        <source>Nature de soutien proche : {nature} pour un besoin {need_nature}</source>
        <translation>Related nature of support: {nature} for a {need_nature} need</translation>
    </message>
    <message>
        <source>Thématiques communes : {themes}</source>
        <translation>Shared themes: {themes}</translation>
    </message>
    <message>
        <source>Même commune : {commune}</source>
        <translation>Same commune: {commune}</translation>
    </message>
    <message>
        <source>Communes voisines : {commune} et {other}</source>
        <translation>Neighbouring communes: {commune} and {other}</translation>
    </message>
    <message>
        <source>Tous deux dans la Métropole européenne de Lille</source>
        <translation>Both in the Métropole Européenne de Lille</translation>
    </message>
    <message>
        <source>TPE ou PME : partenariat de proximité</source>
        <translation>Small or medium business: a local partnership</translation>
    </message>
    <message>
        <source>ETI ou grande entreprise, à la mesure d&apos;un besoin de {need_cents}</source>
        <translation>Mid-size or large company, able to meet a need of {need_cents}</translation>
    </message>
    <message>
        <source>Le montant proposé ({offer_cents}) couvre le besoin ({need_cents})</source>
        <translation>The amount offered ({offer_cents}) covers the need ({need_cents})</translation>
    </message>
    <message>
        <source>Le montant proposé couvre {percent} % du besoin</source>
        <translation>The amount offered covers {percent} % of the need</translation>
    </message>
    <message>
        <source>Périodes compatibles</source>
        <translation>Compatible periods</translation>
    </message>
    <message>
        <source>Périodes incompatibles</source>
        <translation>Incompatible periods</translation>
    </message>
    <message>
        <source>Déjà en relation : dossier {references}</source>
        <translation>Already linked: file {references}</translation>
    </message>
    <message>
        <source>Déjà en contact : un échange consigné</source>
        <translation>Already in touch: one exchange logged</translation>
    </message>
    <message>
        <source>Déjà en contact : {count} échanges consignés</source>
        <translation>Already in touch: {count} exchanges logged</translation>
    </message>
</context>
<context>
    <name>MecenatPanel</name>
    <message>
        <source>Chiffres du mécénat — simulation indicative</source>
        <translation>Patronage figures — indicative simulation</translation>
    </message>
    <message>
        <source>Valorisation du don</source>
        <translation>Value of the gift</translation>
    </message>
    <message>
        <source>Réduction d&apos;impôt estimée de l&apos;entreprise</source>
        <translation>Company&apos;s estimated tax reduction</translation>
    </message>
    <message>
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Chiffre d&apos;affaires HT de l&apos;entreprise</source>
        <translation>Company&apos;s turnover excluding tax</translation>
    </message>
    <message>
        <source>Pour affiner la simulation ; il n&apos;est pas enregistré.</source>
        <translation>To refine the simulation; it is not saved.</translation>
    </message>
    <message>
        <source>Organisme d&apos;aide aux personnes en difficulté (« loi Coluche » : 60 % sans seuil)</source>
        <translation>Organisation helping people in difficulty (« loi Coluche »: 60 % with no threshold)</translation>
    </message>
    <message>
        <source>CA HT de l&apos;entreprise :</source>
        <translation>Company turnover (excl. tax):</translation>
    </message>
    <message>
        <source>Contreparties</source>
        <translation>Counterparts</translation>
    </message>
    <message>
        <source>Sélectionnez une convention pour voir la valorisation du don, la réduction d&apos;impôt estimée de l&apos;entreprise et le poids des contreparties.</source>
        <translation>Select an agreement to see the value of the gift, the company&apos;s estimated tax reduction and the weight of the counterparts.</translation>
    </message>
    <message>
        <source>{company} · exercice supposé clos le 31/12/{year} · article 238 bis du CGI ; à faire confirmer par l&apos;expert-comptable de l&apos;entreprise.</source>
        <translation>{company} · fiscal year assumed closed on 31/12/{year} · article 238 bis CGI; to be confirmed by the company&apos;s accountant.</translation>
    </message>
    <message>
        <source>Entreprise non renseignée</source>
        <translation>Company not given</translation>
    </message>
    <message>
        <source>{type} : hors champ du mécénat. Aucune réduction d&apos;impôt ; les prestations éventuelles se facturent.</source>
        <translation>{type}: not patronage. No tax reduction; any services are invoiced.</translation>
    </message>
    <message>
        <source>Numéraire</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>En nature</source>
        <translation>In kind</translation>
    </message>
    <message>
        <source>Compétences</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Total du don</source>
        <translation>Total gift</translation>
    </message>
    <message>
        <source>Nature : au coût de revient.</source>
        <translation>In kind: at cost price.</translation>
    </message>
    <message>
        <source>Compétences : salaires + charges.</source>
        <translation>Skills: salaries + social charges.</translation>
    </message>
    <message>
        <source>Au plus {cap} par salarié (3 × PASS {year}).</source>
        <translation>At most {cap} per employee (3 × PASS {year}).</translation>
    </message>
    <message>
        <source>Aucun montant saisi : rien à simuler.</source>
        <translation>No amount entered: nothing to simulate.</translation>
    </message>
    <message>
        <source>au moins {amount}</source>
        <translation>at least {amount}</translation>
    </message>
    <message>
        <source>Retenu : {eligible} · plafond : {ceiling} · excédent reportable (5 ans) : {excess}</source>
        <translation>Retained: {eligible} · ceiling: {ceiling} · excess carried forward (5 years): {excess}</translation>
    </message>
    <message>
        <source>Le don reste sous le plafond minimal de {floor} : le CA HT ne change pas ce montant.</source>
        <translation>The gift stays under the minimum ceiling of {floor}: the turnover does not change this amount.</translation>
    </message>
    <message>
        <source>CA HT inconnu (non enregistré) : plafond minimal de {floor} retenu ; il est plus élevé au-delà de {threshold} de CA (5 ‰).</source>
        <translation>Turnover unknown (not stored): minimum ceiling of {floor} used; it is higher above {threshold} of turnover (5 ‰).</translation>
    </message>
    <message>
        <source>Aucune contrepartie enregistrée.</source>
        <translation>No counterpart recorded.</translation>
    </message>
    <message>
        <source>{n} contrepartie valorisée à {total}, soit {ratio} du don.</source>
        <translation>{n} counterpart valued at {total}, i.e. {ratio} of the gift.</translation>
    </message>
    <message>
        <source>{n} contreparties valorisées à {total}, soit {ratio} du don.</source>
        <translation>{n} counterparts valued at {total}, i.e. {ratio} of the gift.</translation>
    </message>
    <message>
        <source>Hors mécénat, la tolérance de 25 % ne s&apos;applique pas : les contreparties sont proportionnées à l&apos;apport.</source>
        <translation>Outside patronage the 25 % tolerance does not apply: counterparts are proportionate to the contribution.</translation>
    </message>
    <message>
        <source>Dans la tolérance de 25 % : la « disproportion marquée » est respectée.</source>
        <translation>Within the 25 % tolerance: the « marked disproportion » is respected.</translation>
    </message>
    <message>
        <source>⚠ Au-delà de la tolérance de 25 % : le don risque d&apos;être requalifié en parrainage. Revoyez les contreparties ou leur valorisation.</source>
        <translation>⚠ Above the 25 % tolerance: the gift may be requalified as sponsorship. Review the counterparts or their valuation.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Abandonner la saisie ?</source>
        <extracomment>Days between a meeting and the default due date of its next steps.</extracomment>
        <translation>Discard this entry?</translation>
    </message>
    <message>
        <source>Les notes saisies n&apos;ont pas été enregistrées. Voulez-vous vraiment fermer ?</source>
        <translation>The notes you entered have not been saved. Do you really want to close?</translation>
    </message>
    <message>
        <source>Consigner un échange</source>
        <translation>Log an interaction</translation>
    </message>
    <message>
        <source>Référence, intitulé ou organisation (↓ : dossiers récents)</source>
        <translation>Reference, title or organisation (↓: recent files)</translation>
    </message>
    <message>
        <source>Facultatif si un dossier est choisi</source>
        <translation>Optional if a file is chosen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Non précisée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Ex. : point d&apos;étape sur le mécénat de compétences</source>
        <translation>E.g. progress review on skills patronage</translation>
    </message>
    <message>
        <source>Ce qui s&apos;est dit, les besoins exprimés, l&apos;ambiance…</source>
        <translation>What was said, the needs expressed, the atmosphere…</translation>
    </message>
    <message>
        <source>Ce qui a été décidé ensemble</source>
        <translation>What was decided together</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;échange (Ctrl+Entrée)</source>
        <translation>Save the interaction (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dossier…</source>
        <translation>File…</translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation>Organisation…</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Or&amp;ganisation</source>
        <translation>Or&amp;ganisation</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>Du&amp;rée</source>
        <translation>Du&amp;ration</translation>
    </message>
    <message>
        <source>&amp;Objet</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Dé&amp;cisions</source>
        <translation>De&amp;cisions</translation>
    </message>
    <message>
        <source>Prochaines étapes (deviennent des tâches)</source>
        <translation>Next steps (become tasks)</translation>
    </message>
    <message>
        <source>Ctrl+Entrée pour enregistrer</source>
        <translation>Ctrl+Enter to save</translation>
    </message>
    <message>
        <source>Choisissez le dossier dans la liste proposée, ou videz le champ.</source>
        <translation>Choose the file from the suggested list, or clear the field.</translation>
    </message>
    <message>
        <source>Choisissez l&apos;organisation dans la liste proposée, ou videz le champ.</source>
        <translation>Choose the organisation from the suggested list, or clear the field.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Nom</source>
        <extracomment>identifiers that name one legal entity: two different values are a warning sign</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>N° RNA</source>
        <translation>RNA no.</translation>
    </message>
    <message>
        <source>Code NAF</source>
        <translation>NAF code</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Échanges</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Offres</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Fusionner deux organisations</source>
        <translation>Merge two organisations</translation>
    </message>
    <message>
        <source>La fiche de gauche est conservée. Ses champs vides sont complétés par ceux de l&apos;autre fiche (en vert) ; les contacts, dossiers, échanges, besoins, offres, conventions et événements de l&apos;autre fiche lui sont rattachés. L&apos;autre fiche disparaît des listes ; son historique est conservé et la fusion se synchronise avec les collègues.</source>
        <translation>The record on the left is kept. Its empty fields are completed from the other record (in green); the other record&apos;s contacts, files, interactions, needs, offers, agreements and events are attached to it. The other record disappears from the lists; its history is kept and the merge syncs with your colleagues.</translation>
    </message>
    <message>
        <source>Fiche conservée</source>
        <translation>Record kept</translation>
    </message>
    <message>
        <source>Fiche fusionnée (disparaît)</source>
        <translation>Record merged (disappears)</translation>
    </message>
    <message>
        <source>Après la fusion</source>
        <translation>After the merge</translation>
    </message>
    <message>
        <source>⇄ Inverser</source>
        <translation>⇄ Swap</translation>
    </message>
    <message>
        <source>Conserver plutôt l&apos;autre fiche</source>
        <translation>Keep the other record instead</translation>
    </message>
    <message>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Éléments rattachés</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <source>Attention : {fields} différent d&apos;une fiche à l&apos;autre. Vérifiez qu&apos;il s&apos;agit bien de la même organisation.</source>
        <translation>Warning: {fields} differs from one record to the other. Check that it really is the same organisation.</translation>
    </message>
    <message>
        <source>Vérifiez la fiche conservée, puis cliquez sur « Fusionner ».</source>
        <translation>Check the record kept, then click “Merge”.</translation>
    </message>
</context>
<context>
    <name>Mission</name>
    <message>
        <source>Mise en relation</source>
        <translation>Matching</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>Community engagement</translation>
    </message>
    <message>
        <source>Accompagnement</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Observatoire</source>
        <translation>Observatory</translation>
    </message>
</context>
<context>
    <name>NeedOfferDialog</name>
    <message>
        <source>Modifier le besoin</source>
        <extracomment>Who may carry an offer / a need (as the service checks).</extracomment>
        <translation>Edit the need</translation>
    </message>
    <message>
        <source>Modifier l&apos;offre</source>
        <translation>Edit the offer</translation>
    </message>
    <message>
        <source>Nouveau besoin</source>
        <translation>New need</translation>
    </message>
    <message>
        <source>Nouvelle offre</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Tapez le nom de l&apos;association…</source>
        <translation>Type the association&apos;s name…</translation>
    </message>
    <message>
        <source>Tapez le nom de l&apos;entreprise…</source>
        <translation>Type the company&apos;s name…</translation>
    </message>
    <message>
        <source>Ex. : refonte du site web</source>
        <translation>E.g. website redesign</translation>
    </message>
    <message>
        <source>Ex. : deux jours de graphisme</source>
        <translation>E.g. two days of graphic design</translation>
    </message>
    <message>
        <source>Séparés par des virgules : insertion, numérique</source>
        <translation>Comma-separated: insertion, digital</translation>
    </message>
    <message>
        <source>Toute la Métropole</source>
        <translation>The whole Métropole</translation>
    </message>
    <message>
        <source>En euros, ex. : 2 500</source>
        <translation>In euros, e.g. 2,500</translation>
    </message>
    <message>
        <source>Ex. : 5 jours, 10 ordinateurs, une salle le jeudi soir</source>
        <translation>E.g. 5 days, 10 computers, a room on Thursday evenings</translation>
    </message>
    <message>
        <source>Le contexte, le public, ce qui aiderait le plus…</source>
        <translation>The context, the people concerned, what would help most…</translation>
    </message>
    <message>
        <source>du</source>
        <translation>from</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Association</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <source>&amp;Entreprise</source>
        <translation>&amp;Company</translation>
    </message>
    <message>
        <source>&amp;Intitulé</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Nature du soutien</source>
        <translation>&amp;Nature of support</translation>
    </message>
    <message>
        <source>&amp;Thèmes</source>
        <translation>&amp;Themes</translation>
    </message>
    <message>
        <source>&amp;Territoire</source>
        <translation>&amp;Territory</translation>
    </message>
    <message>
        <source>&amp;Montant</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>&amp;Statut</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choisissez l&apos;organisation dans la liste proposée.</source>
        <translation>Choose the organisation from the list.</translation>
    </message>
</context>
<context>
    <name>NeedStatus</name>
    <message>
        <source>Ouvert</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>En cours de mise en relation</source>
        <translation>Matching in progress</translation>
    </message>
    <message>
        <source>Satisfait</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Clos</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>NeedsOffersView</name>
    <message>
        <source>{start} → {end}</source>
        <translation>{start} → {end}</translation>
    </message>
    <message>
        <source>dès le {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>jusqu&apos;au {end}</source>
        <translation>until {end}</translation>
    </message>
    <message>
        <source>Besoins et offres</source>
        <translation>Needs and offers</translation>
    </message>
    <message>
        <source>Ce que les associations cherchent et ce que les entreprises proposent. Choisissez une ligne : Passerelle suggère les meilleures correspondances et dit pourquoi.</source>
        <translation>What associations look for and what companies offer. Pick a row: Passerelle suggests the best matches and says why.</translation>
    </message>
    <message>
        <source>Filtrer par intitulé ou organisation…</source>
        <translation>Filter by title or organisation…</translation>
    </message>
    <message>
        <source>Ouverts et en cours seulement</source>
        <translation>Open and in progress only</translation>
    </message>
    <message>
        <source>Nouveau besoin</source>
        <translation>New need</translation>
    </message>
    <message>
        <source>Nouvelle offre</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Mettre en relation</source>
        <translation>Put in touch</translation>
    </message>
    <message>
        <source>Ouvre un dossier à l&apos;étape « Mise en relation » avec les deux organisations et propose la lettre de mise en relation.</source>
        <translation>Opens a file at the “Matching” stage with both organisations and proposes the introduction letter.</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Choisissez un besoin ou une offre dans la liste pour voir les correspondances.</source>
        <translation>Choose a need or an offer in the list to see the matches.</translation>
    </message>
    <message>
        <source>Besoins des associations</source>
        <translation>Associations&apos; needs</translation>
    </message>
    <message>
        <source>Offres des entreprises</source>
        <translation>Companies&apos; offers</translation>
    </message>
    <message>
        <source>Aucun besoin à afficher. Enregistrez le besoin d&apos;une association avec « Nouveau besoin », ou décochez le filtre.</source>
        <translation>No need to show. Record an association&apos;s need with “New need”, or untick the filter.</translation>
    </message>
    <message>
        <source>Aucune offre à afficher. Enregistrez ce qu&apos;une entreprise propose avec « Nouvelle offre », ou décochez le filtre.</source>
        <translation>No offer to show. Record what a company offers with “New offer”, or untick the filter.</translation>
    </message>
    <message>
        <source>Besoins ({count})</source>
        <translation>Needs ({count})</translation>
    </message>
    <message>
        <source>Offres ({count})</source>
        <translation>Offers ({count})</translation>
    </message>
    <message>
        <source>Offres suggérées</source>
        <translation>Suggested offers</translation>
    </message>
    <message>
        <source>Besoins suggérés</source>
        <translation>Suggested needs</translation>
    </message>
    <message>
        <source>{score} pts — {title} · {organisation}</source>
        <translation>{score} pts — {title} · {organisation}</translation>
    </message>
    <message>
        <source>Aucune offre ouverte ne correspond (même nature de soutien ou thème commun). Enregistrez de nouvelles offres ou élargissez le besoin.</source>
        <translation>No open offer matches (same nature of support or a shared theme). Record new offers or broaden the need.</translation>
    </message>
    <message>
        <source>Aucun besoin ouvert ne correspond (même nature de soutien ou thème commun).</source>
        <translation>No open need matches (same nature of support or a shared theme).</translation>
    </message>
    <message>
        <source>Ouvrir un dossier « Mise en relation » entre {association} et {company} ?</source>
        <translation>Open a “Matching” file between {association} and {company}?</translation>
    </message>
    <message>
        <source>Dossier ouvert</source>
        <translation>File opened</translation>
    </message>
    <message>
        <source>Le dossier {reference} est ouvert à l&apos;étape « Mise en relation ». Générer la lettre de mise en relation ?</source>
        <translation>File {reference} is open at the “Matching” stage. Generate the introduction letter?</translation>
    </message>
</context>
<context>
    <name>NewFileDialog</name>
    <message>
        <source>Nouveau dossier</source>
        <extracomment>A file&apos;s partner may be a company or a foundation (as ``services.files`` accepts).</extracomment>
        <translation>New file</translation>
    </message>
    <message>
        <source>Ex. : chantier d&apos;insertion — atelier vélo</source>
        <translation>E.g. work-integration project — bicycle workshop</translation>
    </message>
    <message>
        <source>Tapez le nom de l&apos;association…</source>
        <translation>Type the association&apos;s name…</translation>
    </message>
    <message>
        <source>Facultatif : l&apos;entreprise ou la fondation</source>
        <translation>Optional: the company or foundation</translation>
    </message>
    <message>
        <source>À préciser plus tard</source>
        <translation>To be specified later</translation>
    </message>
    <message>
        <source>Non précisée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Séparés par des virgules : insertion, sport</source>
        <translation>Separated by commas: integration, sport</translation>
    </message>
    <message>
        <source>&amp;Intitulé</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Association</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <source>&amp;Entreprise</source>
        <translation>Co&amp;mpany</translation>
    </message>
    <message>
        <source>&amp;Catégorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>&amp;Origine</source>
        <translation>&amp;Origin</translation>
    </message>
    <message>
        <source>&amp;Thèmes</source>
        <translation>T&amp;hemes</translation>
    </message>
    <message>
        <source>Créer le dossier</source>
        <translation>Create file</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Le dossier s&apos;ouvre à l&apos;étape « Premier contact ». Vous pourrez compléter les partenaires et la catégorie ensuite.</source>
        <translation>The file opens at the “First contact” stage. You can fill in the partners and the category afterwards.</translation>
    </message>
    <message>
        <source>Choisissez l&apos;association dans la liste proposée, ou videz le champ.</source>
        <translation>Choose the association from the suggested list, or clear the field.</translation>
    </message>
    <message>
        <source>Choisissez l&apos;entreprise dans la liste proposée, ou videz le champ.</source>
        <translation>Choose the company from the suggested list, or clear the field.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Protéger la base</source>
        <translation>Protect the database</translation>
    </message>
    <message>
        <source>Choisissez une phrase de passe</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>Au moins {n} caractères. Vous la saisirez à chaque ouverture de Passerelle ; sans elle, personne ne pourra ouvrir la base, pas même l&apos;assistance.</source>
        <translation>At least {n} characters. You will type it each time you open Passerelle; without it nobody can open the database, not even support.</translation>
    </message>
    <message>
        <source>Phrase de passe</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>La même, une seconde fois</source>
        <translation>The same, a second time</translation>
    </message>
    <message>
        <source>Créer la base</source>
        <translation>Create the database</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Les deux phrases de passe sont différentes.</source>
        <translation>The two passphrases are different.</translation>
    </message>
</context>
<context>
    <name>NextStepsEditor</name>
    <message>
        <source>Ex. : envoyer le projet de convention</source>
        <translation>E.g. send the draft agreement</translation>
    </message>
    <message>
        <source>Intitulé de l&apos;étape</source>
        <translation>Step title</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Responsable (vous, si vide)</source>
        <translation>Owner (you, if empty)</translation>
    </message>
    <message>
        <source>Retirer cette étape</source>
        <translation>Remove this step</translation>
    </message>
    <message>
        <source>+ Ajouter une étape</source>
        <translation>+ Add a step</translation>
    </message>
    <message>
        <source>Prochaine étape</source>
        <translation>Next step</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Participants : {names}</source>
        <translation>Participants: {names}</translation>
    </message>
    <message>
        <source>Ces notes ont été modifiées sur deux postes à la fois : la version la plus récente est affichée.</source>
        <translation>These notes were edited on two computers at the same time: the most recent version is shown.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(aucune note)</source>
        <translation>(no notes)</translation>
    </message>
    <message>
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Objective</name>
    <message>
        <source>Entreprise : management / RH</source>
        <translation>Company: management / HR</translation>
    </message>
    <message>
        <source>Entreprise : innovation</source>
        <translation>Company: innovation</translation>
    </message>
    <message>
        <source>Entreprise : performance économique</source>
        <translation>Company: economic performance</translation>
    </message>
    <message>
        <source>Entreprise : dialogue avec les parties prenantes</source>
        <translation>Company: stakeholder dialogue</translation>
    </message>
    <message>
        <source>Association : ressources financières</source>
        <translation>Association: financial resources</translation>
    </message>
    <message>
        <source>Association : innovation</source>
        <translation>Association: innovation</translation>
    </message>
    <message>
        <source>Association : compétences</source>
        <translation>Association: skills</translation>
    </message>
    <message>
        <source>Association : implication des acteurs</source>
        <translation>Association: stakeholder involvement</translation>
    </message>
    <message>
        <source>Territoire : qualité de vie</source>
        <translation>Local area: quality of life</translation>
    </message>
    <message>
        <source>Territoire : attractivité</source>
        <translation>Local area: attractiveness</translation>
    </message>
    <message>
        <source>Territoire : cohésion sociale</source>
        <translation>Local area: social cohesion</translation>
    </message>
    <message>
        <source>Territoire : développement économique</source>
        <translation>Local area: economic development</translation>
    </message>
</context>
<context>
    <name>ObservatoryExport</name>
    <message>
        <source>Non renseigné</source>
        <extracomment>counts below this are hidden in the anonymised export</extracomment>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>tout</source>
        <translation>all</translation>
    </message>
    <message>
        <source>du {start} au {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <source>depuis le {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>jusqu&apos;au {end}</source>
        <translation>until {end}</translation>
    </message>
    <message>
        <source>toute la période</source>
        <translation>whole period</translation>
    </message>
    <message>
        <source>filtré (nom masqué)</source>
        <translation>filtered (name hidden)</translation>
    </message>
    <message>
        <source>tous</source>
        <translation>all</translation>
    </message>
    <message>
        <source>tout le territoire</source>
        <translation>whole territory</translation>
    </message>
    <message>
        <source>quartiers prioritaires (QPV)</source>
        <translation>priority neighbourhoods (QPV)</translation>
    </message>
    <message>
        <source>hors QPV</source>
        <translation>outside QPV</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Facilitateur</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <source>Synthèse</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Dossiers — {status}</source>
        <translation>Files — {status}</translation>
    </message>
    <message>
        <source>Dossiers en quartier prioritaire (QPV)</source>
        <translation>Files in a priority neighbourhood (QPV)</translation>
    </message>
    <message>
        <source>Partenariats réussis (livret)</source>
        <translation>Successful partnerships (booklet)</translation>
    </message>
    <message>
        <source>Dossiers arrivés à la convention (parcours mesuré)</source>
        <translation>Files that reached the agreement (measured journey)</translation>
    </message>
    <message>
        <source>Entonnoir</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Dossiers à cette étape</source>
        <translation>Files at this stage</translation>
    </message>
    <message>
        <source>Dossiers l&apos;ayant atteinte</source>
        <translation>Files that reached it</translation>
    </message>
    <message>
        <source>Part des dossiers de l&apos;étape précédente</source>
        <translation>Share of the previous stage&apos;s files</translation>
    </message>
    <message>
        <source>Séjours terminés</source>
        <translation>Completed stays</translation>
    </message>
    <message>
        <source>Durée médiane (jours)</source>
        <translation>Median time (days)</translation>
    </message>
    <message>
        <source>Délai jusqu&apos;à la convention</source>
        <translation>Time to the agreement</translation>
    </message>
    <message>
        <source>Dossiers mesurés</source>
        <translation>Files measured</translation>
    </message>
    <message>
        <source>Catégorie × type d&apos;acteur</source>
        <translation>Category × actor type</translation>
    </message>
    <message>
        <source>Catégorie de partenariat</source>
        <translation>Partnership category</translation>
    </message>
    <message>
        <source>Type de partenaire</source>
        <translation>Partner type</translation>
    </message>
    <message>
        <source>Non renseignée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>Communes et QPV</source>
        <translation>Municipalities and QPV</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <source>Dont en QPV</source>
        <translation>Of which in a QPV</translation>
    </message>
    <message>
        <source>Taille des entreprises</source>
        <translation>Company size</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Entreprises distinctes</source>
        <translation>Distinct companies</translation>
    </message>
    <message>
        <source>TPE et PME</source>
        <translation>Micro and SMEs</translation>
    </message>
    <message>
        <source>ETI et grandes entreprises</source>
        <translation>Mid-size and large companies</translation>
    </message>
    <message>
        <source>Part des TPE/PME</source>
        <translation>Share of micro/SMEs</translation>
    </message>
    <message>
        <source>Dossiers TPE/PME</source>
        <translation>Micro/SME files</translation>
    </message>
    <message>
        <source>Dossiers ETI/GE</source>
        <translation>Mid-size/large company files</translation>
    </message>
    <message>
        <source>Thématiques</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Thématique</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Freins</source>
        <translation>Brakes</translation>
    </message>
    <message>
        <source>Frein</source>
        <translation>Brake</translation>
    </message>
    <message>
        <source>Valeur mobilisée par année</source>
        <translation>Value mobilised per year</translation>
    </message>
    <message>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Numéraire</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>En nature</source>
        <translation>In kind</translation>
    </message>
    <message>
        <source>Compétences</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Filtres</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Observatoire des partenariats — export anonymisé (comité de pilotage)</source>
        <translation>Partnership observatory — anonymised export (steering committee)</translation>
    </message>
    <message>
        <source>Observatoire des partenariats — chiffres</source>
        <translation>Partnership observatory — figures</translation>
    </message>
    <message>
        <source>Établi le</source>
        <translation>Compiled on</translation>
    </message>
    <message>
        <source>Les effectifs inférieurs à 5 sont masqués (« &lt; 5 »), ainsi que les taux, durées et montants calculés sur eux. Aucun nom de personne ni d&apos;organisation n&apos;y figure.</source>
        <translation>Counts below 5 are hidden (“&lt; 5”), as are the rates, durations and amounts computed from them. No name of a person or an organisation appears.</translation>
    </message>
    <message>
        <source>Livret des partenariats réussis</source>
        <translation>Successful partnerships booklet</translation>
    </message>
    <message>
        <source>{n} partenariat entre une association et une entreprise du territoire, établi le {date}.</source>
        <translation>{n} partnership between an association and a company of the territory, compiled on {date}.</translation>
    </message>
    <message>
        <source>{n} partenariats entre associations et entreprises du territoire, établi le {date}.</source>
        <translation>{n} partnerships between associations and companies of the territory, compiled on {date}.</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Étape atteinte</source>
        <translation>Stage reached</translation>
    </message>
    <message>
        <source>quartier prioritaire (QPV)</source>
        <translation>priority neighbourhood (QPV)</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Le partenariat</source>
        <translation>The partnership</translation>
    </message>
    <message>
        <source>Valeur mobilisée</source>
        <translation>Value mobilised</translation>
    </message>
</context>
<context>
    <name>ObservatoryView</name>
    <message>
        <source>PNG</source>
        <extracomment>one colour per series, the same palette everywhere (readable in print and for most colour-blind readers: blue, orange, green, purple, grey, brown)</extracomment>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Enregistrer ce graphique en image PNG</source>
        <translation>Save this chart as a PNG image</translation>
    </message>
    <message>
        <source>Observatoire</source>
        <translation>Observatory</translation>
    </message>
    <message>
        <source>Les chiffres des partenariats : parcours des dossiers, acteurs, territoires et valeur mobilisée. Filtrez, puis exportez pour le comité de pilotage.</source>
        <translation>Partnership figures: file journeys, actors, territories and value mobilised. Filter, then export for the steering committee.</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Chiffres (XLSX)…</source>
        <translation>Figures (XLSX)…</translation>
    </message>
    <message>
        <source>Export anonymisé pour le comité de pilotage (XLSX)…</source>
        <translation>Anonymised export for the steering committee (XLSX)…</translation>
    </message>
    <message>
        <source>Tous les graphiques (PNG)…</source>
        <translation>All charts (PNG)…</translation>
    </message>
    <message>
        <source>Livret des partenariats réussis (DOCX)…</source>
        <translation>Successful partnerships booklet (DOCX)…</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Facilitateur</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <source>dossiers retenus</source>
        <translation>files selected</translation>
    </message>
    <message>
        <source>partenariats réussis</source>
        <translation>successful partnerships</translation>
    </message>
    <message>
        <source>part des TPE/PME parmi les entreprises partenaires</source>
        <translation>share of micro/small and medium firms among partner companies</translation>
    </message>
    <message>
        <source>délai médian jusqu&apos;à la convention</source>
        <translation>median time to the agreement</translation>
    </message>
    <message>
        <source>valeur mobilisée par les conventions signées</source>
        <translation>value mobilised by signed agreements</translation>
    </message>
    <message>
        <source>Aucun dossier ne correspond aux filtres : élargissez la période ou le territoire, ou ouvrez des dossiers dans « Dossiers ».</source>
        <translation>No file matches the filters: widen the period or the territory, or open files under “Files”.</translation>
    </message>
    <message>
        <source>Entonnoir des dossiers</source>
        <translation>Files funnel</translation>
    </message>
    <message>
        <source>Dossiers par étape et statut</source>
        <translation>Files by stage and status</translation>
    </message>
    <message>
        <source>Durée médiane dans chaque étape</source>
        <translation>Median time in each stage</translation>
    </message>
    <message>
        <source>Pas encore d&apos;étape terminée : les durées se calculent quand un dossier passe à l&apos;étape suivante.</source>
        <translation>No completed stage yet: durations are computed when a file moves to the next stage.</translation>
    </message>
    <message>
        <source>Valeur mobilisée par année</source>
        <translation>Value mobilised per year</translation>
    </message>
    <message>
        <source>Aucune convention signée sur la période : les montants apparaissent quand une convention est signée.</source>
        <translation>No agreement signed in the period: amounts appear once an agreement is signed.</translation>
    </message>
    <message>
        <source>Partenariats par catégorie et type de partenaire</source>
        <translation>Partnerships by category and partner type</translation>
    </message>
    <message>
        <source>Taille des entreprises partenaires</source>
        <translation>Size of partner companies</translation>
    </message>
    <message>
        <source>Aucun dossier avec une entreprise partenaire.</source>
        <translation>No file with a partner company.</translation>
    </message>
    <message>
        <source>Communes et quartiers prioritaires</source>
        <translation>Municipalities and priority neighbourhoods</translation>
    </message>
    <message>
        <source>Thématiques</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Aucune thématique renseignée sur les dossiers retenus.</source>
        <translation>No theme recorded on the selected files.</translation>
    </message>
    <message>
        <source>Freins observés</source>
        <translation>Observed brakes</translation>
    </message>
    <message>
        <source>Aucun frein renseigné sur les dossiers retenus.</source>
        <translation>No brake recorded on the selected files.</translation>
    </message>
    <message>
        <source>Dossiers ayant atteint chaque étape ; à droite, la part des dossiers de l&apos;étape précédente qui l&apos;ont atteinte.</source>
        <translation>Files that reached each stage; on the right, the share of the previous stage&apos;s files that reached it.</translation>
    </message>
    <message>
        <source>En jours, sur les passages d&apos;étape terminés de l&apos;historique.</source>
        <translation>In days, over the completed stage moves of the history.</translation>
    </message>
    <message>
        <source>En milliers d&apos;euros, par année de signature des conventions.</source>
        <translation>In thousands of euros, by year the agreements were signed.</translation>
    </message>
    <message>
        <source>TPE : moins de 10 salariés (tranche d&apos;effectifs SIRENE).</source>
        <translation>Micro-enterprise (TPE): fewer than 10 employees (SIRENE headcount bracket).</translation>
    </message>
    <message>
        <source>Les {n} communes qui comptent le plus de dossiers.</source>
        <translation>The {n} municipalities with the most files.</translation>
    </message>
    <message>
        <source>Toute la période</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <source>12 derniers mois</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Tous les facilitateurs</source>
        <translation>All facilitators</translation>
    </message>
    <message>
        <source>Tout le territoire</source>
        <translation>Whole territory</translation>
    </message>
    <message>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Priority neighbourhoods (QPV)</translation>
    </message>
    <message>
        <source>Hors quartiers prioritaires</source>
        <translation>Outside priority neighbourhoods</translation>
    </message>
    <message>
        <source>{n} jour</source>
        <translation>{n} day</translation>
    </message>
    <message>
        <source>{n} jours</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Dossiers ayant atteint l&apos;étape</source>
        <translation>Files that reached the stage</translation>
    </message>
    <message>
        <source>Jours (médiane)</source>
        <translation>Days (median)</translation>
    </message>
    <message>
        <source>Numéraire</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>En nature</source>
        <translation>In kind</translation>
    </message>
    <message>
        <source>Compétences</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>En QPV</source>
        <translation>In a QPV</translation>
    </message>
    <message>
        <source>Hors QPV</source>
        <translation>Outside QPV</translation>
    </message>
    <message>
        <source>{commune} ({n} en QPV)</source>
        <translation>{commune} ({n} in a QPV)</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>observatoire_anonymise_{date}.xlsx</source>
        <translation>observatory_anonymised_{date}.xlsx</translation>
    </message>
    <message>
        <source>observatoire_{date}.xlsx</source>
        <translation>observatory_{date}.xlsx</translation>
    </message>
    <message>
        <source>Exporter les chiffres</source>
        <translation>Export the figures</translation>
    </message>
    <message>
        <source>Classeurs Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Enregistrer le graphique</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <source>Images PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Dossier où enregistrer les graphiques</source>
        <translation>Folder to save the charts in</translation>
    </message>
    <message>
        <source>{n} graphique enregistré dans {folder}</source>
        <translation>{n} chart saved in {folder}</translation>
    </message>
    <message>
        <source>{n} graphiques enregistrés dans {folder}</source>
        <translation>{n} charts saved in {folder}</translation>
    </message>
    <message>
        <source>livret_partenariats_reussis_{date}.docx</source>
        <translation>successful_partnerships_booklet_{date}.docx</translation>
    </message>
    <message>
        <source>Livret des partenariats réussis</source>
        <translation>Successful partnerships booklet</translation>
    </message>
    <message>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Enregistré : {file}</source>
        <translation>Saved: {file}</translation>
    </message>
    <message>
        <source>Non renseignée</source>
        <translation>Not specified</translation>
    </message>
</context>
<context>
    <name>OrganisationChooser</name>
    <message>
        <source>Tapez le nom de l&apos;organisation…</source>
        <translation>Type the organisation&apos;s name…</translation>
    </message>
    <message>
        <source>{name} — {kind}, {commune}</source>
        <translation>{name} — {kind}, {commune}</translation>
    </message>
    <message>
        <source>{name} — {kind}</source>
        <translation>{name} — {kind}</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Ce numéro RNA ne suit pas le format habituel (W suivi de 9 chiffres) : vérifiez-le (il peut être correct pour la Corse ou l&apos;outre-mer).</source>
        <extracomment>Entities whose changes can alter what the organisation list or panel shows.</extracomment>
        <translation>This RNA number does not follow the usual format (W followed by 9 digits): please check it (it may be correct for Corsica or the French overseas territories).</translation>
    </message>
    <message>
        <source>Le nom est obligatoire.</source>
        <translation>The name is required.</translation>
    </message>
    <message>
        <source>— non renseignée —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>ex. insertion, environnement, sport</source>
        <translation>e.g. integration, environment, sport</translation>
    </message>
    <message>
        <source>9 chiffres, ex. 552 081 317</source>
        <translation>9 digits, e.g. 552 081 317</translation>
    </message>
    <message>
        <source>14 chiffres</source>
        <translation>14 digits</translation>
    </message>
    <message>
        <source>W suivi de 9 chiffres, ex. W595000001</source>
        <translation>W followed by 9 digits, e.g. W595000001</translation>
    </message>
    <message>
        <source>ex. 62.01Z</source>
        <translation>e.g. 62.01Z</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>ex. 03 20 12 34 56</source>
        <translation>e.g. 03 20 12 34 56</translation>
    </message>
    <message>
        <source>Projet, activités, besoins… (visible dans la recherche)</source>
        <translation>Project, activities, needs… (visible in search)</translation>
    </message>
    <message>
        <source>Identité</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nom *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Identifiants</source>
        <translation>Identifiers</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>N° RNA</source>
        <translation>RNA no.</translation>
    </message>
    <message>
        <source>Code NAF</source>
        <translation>NAF code</translation>
    </message>
    <message>
        <source>Coordonnées</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ce SIRET n&apos;appartient pas au SIREN {siren}.</source>
        <translation>This SIRET does not belong to SIREN {siren}.</translation>
    </message>
</context>
<context>
    <name>OrganisationKind</name>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Collectivité / pouvoir public</source>
        <translation>Public body / public authority</translation>
    </message>
    <message>
        <source>Réseau / tête de réseau</source>
        <translation>Network / umbrella network</translation>
    </message>
    <message>
        <source>Fondation</source>
        <translation>Foundation</translation>
    </message>
</context>
<context>
    <name>OrganisationNeedsOffers</name>
    <message>
        <source>Intitulé</source>
        <extracomment>Kinds whose entries are offers (the others carry needs).</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <source>Montant / volume</source>
        <translation>Amount / volume</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nouvelle offre…</source>
        <translation>New offer…</translation>
    </message>
    <message>
        <source>Nouveau besoin…</source>
        <translation>New need…</translation>
    </message>
    <message>
        <source>Aucune offre enregistrée. Ce que l&apos;entreprise propose (compétences, matériel, financement…) sert à la mise en relation.</source>
        <translation>No offer recorded. What the company offers (skills, equipment, funding…) is used for matching.</translation>
    </message>
    <message>
        <source>Aucun besoin enregistré. Les besoins de l&apos;association servent à lui suggérer des entreprises.</source>
        <translation>No need recorded. The association&apos;s needs are used to suggest companies to it.</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <source>Rechercher : nom, commune, SIREN, RNA, description…</source>
        <translation>Search: name, municipality, SIREN, RNA, description…</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Nouvelle organisation</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Importer un tableur d&apos;organisations (.xlsx ou .csv)</source>
        <translation>Import a spreadsheet of organisations (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exporter les organisations affichées (.xlsx ou .csv)</source>
        <translation>Export the organisations shown (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>Fusionner…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Sélectionnez deux organisations (Ctrl+clic) pour fusionner un doublon</source>
        <translation>Select two organisations (Ctrl+click) to merge a duplicate</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>SIREN / RNA</source>
        <translation>SIREN / RNA</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Aucun contact lié à cette organisation. Liez une personne depuis la vue Contacts (« Lier à une organisation »), avec son rôle.</source>
        <translation>No contacts linked to this organisation. Link a person from the Contacts view (“Link to an organisation”), with their role.</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Double-cliquez sur un dossier pour l&apos;ouvrir.</source>
        <translation>Double-click a file to open it.</translation>
    </message>
    <message>
        <source>Aucun dossier d&apos;accompagnement pour cette organisation. Ouvrez-en un depuis la vue Dossiers.</source>
        <translation>No partnership files for this organisation. Open one from the Files view.</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Besoins et offres</source>
        <translation>Needs and offers</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Doublons…</source>
        <translation>Duplicates…</translation>
    </message>
    <message>
        <source>Chercher les fiches qui décrivent peut-être la même organisation (même SIREN, SIRET ou RNA, nom proche dans la même commune) et les fusionner</source>
        <translation>Find the records that may describe the same organisation (same SIREN, SIRET or RNA, similar name in the same municipality) and merge them</translation>
    </message>
    <message>
        <source>Journal des modifications…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Sélectionnez une organisation dans la liste pour voir sa fiche, ses contacts et ses dossiers, ou cliquez sur « Nouvelle organisation ».</source>
        <translation>Select an organisation in the list to see its details, contacts and files, or click “New organisation”.</translation>
    </message>
    <message>
        <source>{n} organisation</source>
        <translation>{n} organisation</translation>
    </message>
    <message>
        <source>{n} organisations</source>
        <translation>{n} organisations</translation>
    </message>
    <message>
        <source>Aucune organisation ne correspond à cette recherche. Modifiez le texte recherché ou choisissez « Tous les types ».</source>
        <translation>No organisations match this search. Change the search text or choose “All types”.</translation>
    </message>
    <message>
        <source>Aucune organisation pour l&apos;instant. Cliquez sur « Nouvelle organisation » pour enregistrer une association, une entreprise ou un partenaire public.</source>
        <translation>No organisations yet. Click “New organisation” to record an association, a company or a public partner.</translation>
    </message>
    <message>
        <source>Contact principal</source>
        <translation>Main contact</translation>
    </message>
    <message>
        <source>Contacts ({n})</source>
        <translation>Contacts ({n})</translation>
    </message>
    <message>
        <source>Dossiers ({n})</source>
        <translation>Files ({n})</translation>
    </message>
    <message>
        <source>Renseignez au moins le nom, puis cliquez sur « Enregistrer ».</source>
        <translation>Enter at least the name, then click “Save”.</translation>
    </message>
    <message>
        <source>Corrigez les champs signalés en rouge pour enregistrer.</source>
        <translation>Correct the fields marked in red to save.</translation>
    </message>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Les modifications de cette organisation ne sont pas enregistrées. Les abandonner ?</source>
        <translation>The changes to this organisation have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>Aucun doublon probable.</source>
        <translation>No likely duplicate.</translation>
    </message>
    <message>
        <source>Organisations fusionnées.</source>
        <translation>Organisations merged.</translation>
    </message>
    <message>
        <source>Organisation enregistrée.</source>
        <translation>Organisation saved.</translation>
    </message>
    <message>
        <source>Supprimer l&apos;organisation</source>
        <translation>Delete organisation</translation>
    </message>
    <message>
        <source>Supprimer « {name} » ? Ses liens avec les contacts seront retirés ; les dossiers et les contacts eux-mêmes sont conservés.</source>
        <translation>Delete “{name}”? Its links to contacts will be removed; the files and the contacts themselves are kept.</translation>
    </message>
</context>
<context>
    <name>ParticipantsField</name>
    <message>
        <source>Tapez un nom pour ajouter un participant…</source>
        <translation>Type a name to add a participant…</translation>
    </message>
    <message>
        <source>Retirer {name} des participants</source>
        <translation>Remove {name} from the participants</translation>
    </message>
</context>
<context>
    <name>ParticipationStatus</name>
    <message>
        <source>Invité</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Inscrit</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Présent</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
</context>
<context>
    <name>PartnershipCategory</name>
    <message>
        <source>Mécénat</source>
        <translation>Patronage (mécénat)</translation>
    </message>
    <message>
        <source>Pratiques responsables</source>
        <translation>Responsible practices</translation>
    </message>
    <message>
        <source>Coopération économique</source>
        <translation>Economic cooperation</translation>
    </message>
    <message>
        <source>Innovation sociétale</source>
        <translation>Societal innovation</translation>
    </message>
</context>
<context>
    <name>PartnershipMaturity</name>
    <message>
        <source>Premiers pas</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>Partenariats ponctuels</source>
        <translation>Occasional partnerships</translation>
    </message>
    <message>
        <source>Expérimentée</source>
        <translation>Experienced</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Phrase de passe :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation>Confirmation:</translation>
    </message>
    <message>
        <source>Afficher les caractères</source>
        <translation>Show characters</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Saisissez la phrase de passe.</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <source>La phrase de passe doit compter au moins 8 caractères.</source>
        <translation>The passphrase must have at least 8 characters.</translation>
    </message>
    <message>
        <source>Les deux saisies ne sont pas identiques.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Association à trouver</source>
        <translation>Association to be found</translation>
    </message>
    <message>
        <source>Entreprise à trouver</source>
        <translation>Company to be found</translation>
    </message>
    <message>
        <source>Suivi par {name}</source>
        <translation>Handled by {name}</translation>
    </message>
    <message>
        <source>Catégorie à préciser</source>
        <translation>Category to be specified</translation>
    </message>
    <message>
        <source>Aucun dossier à cette étape.
Glissez une carte ici pour l&apos;y faire passer.</source>
        <translation>No files at this stage.
Drag a card here to move it to this stage.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Choisir le logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface :</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Le changement de langue s&apos;applique au prochain démarrage de Passerelle.</source>
        <translation>The language change takes effect the next time Passerelle starts.</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Un dossier stagne après :</source>
        <translation>A file is stalled after:</translation>
    </message>
    <message>
        <source>Sur l&apos;Accueil, les dossiers actifs restés plus longtemps à la même étape sont signalés.</source>
        <translation>On the Home page, active files that have stayed longer at the same stage are flagged.</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Votre structure (documents)</source>
        <translation>Your organisation (documents)</translation>
    </message>
    <message>
        <source>Ex. Maison des Associations de Roubaix</source>
        <translation>E.g. Maison des Associations de Roubaix</translation>
    </message>
    <message>
        <source>Rue, code postal et commune</source>
        <translation>Street, postcode and town</translation>
    </message>
    <message>
        <source>Pour « Roubaix, le … » en tête des lettres</source>
        <translation>For « Roubaix, le … » at the top of letters</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Adresse :</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Commune :</source>
        <translation>Town:</translation>
    </message>
    <message>
        <source>Choisir une image…</source>
        <translation>Choose an image…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Logo :</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Le nom, l&apos;adresse et le logo figurent en tête des conventions, lettres et invitations. Le logo (PNG, JPEG ou GIF, 5 Mo au plus) est copié avec vos données.</source>
        <translation>The name, address and logo head agreements, letters and invitations. The logo (PNG, JPEG or GIF, 5 MB at most) is copied with your data.</translation>
    </message>
    <message>
        <source>Aucun logo</source>
        <translation>No logo</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Valider</source>
        <extracomment>Entities whose change may alter what the detail view shows.</extracomment>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Sur cet ordinateur, la clé est rangée dans le trousseau du système ({name}) : Passerelle ouvre la base sans rien demander.</source>
        <translation>On this computer, the key is kept in the system keyring ({name}): Passerelle opens the database without asking.</translation>
    </message>
    <message>
        <source>Clé de secours de la base</source>
        <translation>Database recovery key</translation>
    </message>
    <message>
        <source>Votre base est chiffrée</source>
        <translation>Your database is encrypted</translation>
    </message>
    <message>
        <source>Les données de Passerelle sont chiffrées sur le disque de cet ordinateur. Si l&apos;ordinateur est perdu, remplacé ou réinstallé, seule cette clé de secours permettra d&apos;ouvrir la base et ses sauvegardes.</source>
        <translation>Passerelle&apos;s data are encrypted on this computer&apos;s disk. If the computer is lost, replaced or reinstalled, only this recovery key will open the database and its backups.</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Elle n&apos;est affichée qu&apos;une fois. Imprimez-la ou enregistrez-la sur une clé USB rangée en lieu sûr — pas sur cet ordinateur.</source>
        <translation>It is shown only once. Print it or save it on a USB stick kept in a safe place — not on this computer.</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Enregistrer dans un fichier…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>J&apos;ai imprimé ou enregistré la clé de secours en lieu sûr</source>
        <translation>I have printed or saved the recovery key in a safe place</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Passerelle — clé de secours

Base : {path}
Créée le : {date}

Clé de secours :
{key}

Sur un autre ordinateur, ouvrez la base et saisissez cette clé quand Passerelle la demande.
Gardez cette feuille en lieu sûr, à part de l&apos;ordinateur.
</source>
        <translation>Passerelle — recovery key

Database: {path}
Created on: {date}

Recovery key:
{key}

On another computer, open the database and type this key when Passerelle asks for it.
Keep this sheet in a safe place, away from the computer.
</translation>
    </message>
    <message>
        <source>Clé envoyée à l&apos;imprimante.</source>
        <translation>Key sent to the printer.</translation>
    </message>
    <message>
        <source>Enregistrer la clé de secours</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <source>Texte (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Clé enregistrée dans {path}. Rangez ce fichier hors de cet ordinateur.</source>
        <translation>Key saved in {path}. Keep this file off this computer.</translation>
    </message>
    <message>
        <source>Clé copiée : collez-la dans un endroit sûr.</source>
        <translation>Key copied: paste it somewhere safe.</translation>
    </message>
</context>
<context>
    <name>RegistryReport</name>
    <message>
        <source>hors territoire</source>
        <translation>outside the territory</translation>
    </message>
    <message>
        <source>établissement fermé</source>
        <translation>closed establishment</translation>
    </message>
    <message>
        <source>unité légale cessée</source>
        <translation>legal unit ceased</translation>
    </message>
    <message>
        <source>association dissoute</source>
        <translation>dissolved association</translation>
    </message>
    <message>
        <source>non diffusible</source>
        <translation>not publishable</translation>
    </message>
    <message>
        <source>SIRET invalide</source>
        <translation>invalid SIRET</translation>
    </message>
    <message>
        <source>SIREN invalide</source>
        <translation>invalid SIREN</translation>
    </message>
    <message>
        <source>numéro RNA invalide</source>
        <translation>invalid RNA number</translation>
    </message>
    <message>
        <source>ligne en double</source>
        <translation>duplicate line</translation>
    </message>
    <message>
        <source>entrepreneur individuel sans nom commercial</source>
        <translation>sole trader without a trade name</translation>
    </message>
    <message>
        <source>nom absent ou non diffusé</source>
        <translation>name missing or not published</translation>
    </message>
    <message>
        <source>unité légale absente des fichiers importés</source>
        <translation>legal unit missing from the imported files</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <source>Association (RNA)</source>
        <translation>Association (RNA)</translation>
    </message>
    <message>
        <source>Entreprise (SIRENE)</source>
        <translation>Company (SIRENE)</translation>
    </message>
    <message>
        <source>ESS</source>
        <translation>SSE</translation>
    </message>
    <message>
        <source>Non employeuse</source>
        <translation>No employees</translation>
    </message>
    <message>
        <source>0 salarié</source>
        <translation>0 employees</translation>
    </message>
    <message>
        <source>1 ou 2 salariés</source>
        <translation>1 or 2 employees</translation>
    </message>
    <message>
        <source>3 à 5 salariés</source>
        <translation>3 to 5 employees</translation>
    </message>
    <message>
        <source>6 à 9 salariés</source>
        <translation>6 to 9 employees</translation>
    </message>
    <message>
        <source>10 à 19 salariés</source>
        <translation>10 to 19 employees</translation>
    </message>
    <message>
        <source>20 à 49 salariés</source>
        <translation>20 to 49 employees</translation>
    </message>
    <message>
        <source>50 à 99 salariés</source>
        <translation>50 to 99 employees</translation>
    </message>
    <message>
        <source>100 à 199 salariés</source>
        <translation>100 to 199 employees</translation>
    </message>
    <message>
        <source>200 à 249 salariés</source>
        <translation>200 to 249 employees</translation>
    </message>
    <message>
        <source>250 à 499 salariés</source>
        <translation>250 to 499 employees</translation>
    </message>
    <message>
        <source>500 à 999 salariés</source>
        <translation>500 to 999 employees</translation>
    </message>
    <message>
        <source>1 000 à 1 999 salariés</source>
        <translation>1,000 to 1,999 employees</translation>
    </message>
    <message>
        <source>2 000 à 4 999 salariés</source>
        <translation>2,000 to 4,999 employees</translation>
    </message>
    <message>
        <source>5 000 à 9 999 salariés</source>
        <translation>5,000 to 9,999 employees</translation>
    </message>
    <message>
        <source>10 000 salariés et plus</source>
        <translation>10,000 employees or more</translation>
    </message>
    <message>
        <source>Registre des entreprises et des associations</source>
        <translation>Registry of companies and associations</translation>
    </message>
    <message>
        <source>Importer un registre…</source>
        <translation>Import a register…</translation>
    </message>
    <message>
        <source>Rechercher : nom, sigle, commune, SIREN, RNA, objet…</source>
        <translation>Search: name, acronym, commune, SIREN, RNA, purpose…</translation>
    </message>
    <message>
        <source>Toutes sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Entreprises</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>Toutes les communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <source>NAF : 88, 62.01Z…</source>
        <translation>NAF: 88, 62.01Z…</translation>
    </message>
    <message>
        <source>Tous effectifs</source>
        <translation>Any headcount</translation>
    </message>
    <message>
        <source>Toutes catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Seulement l&apos;économie sociale et solidaire</source>
        <translation>Only the social and solidarity economy</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>SIRET / RNA</source>
        <translation>SIRET / RNA</translation>
    </message>
    <message>
        <source>NAF</source>
        <translation>NAF</translation>
    </message>
    <message>
        <source>Effectif</source>
        <translation>Headcount</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>Sigle</source>
        <translation>Acronym</translation>
    </message>
    <message>
        <source>Activité (NAF)</source>
        <translation>Activity (NAF)</translation>
    </message>
    <message>
        <source>Catégorie juridique</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Catégorie d&apos;entreprise</source>
        <translation>Company category</translation>
    </message>
    <message>
        <source>Siège</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Objet social (codes)</source>
        <translation>Purpose codes</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Création</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Millésime du registre</source>
        <translation>Register vintage</translation>
    </message>
    <message>
        <source>Adopter</source>
        <translation>Adopt</translation>
    </message>
    <message>
        <source>Créer l&apos;organisation correspondante dans vos organisations, préremplie et liée par son SIREN, SIRET ou numéro RNA</source>
        <translation>Create the matching organisation among your organisations, prefilled and linked by its SIREN, SIRET or RNA number</translation>
    </message>
    <message>
        <source>Ouvrir la fiche</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>Sélectionnez une entrée pour voir ce que dit le registre public, puis « Adopter » pour l&apos;ajouter à vos organisations.</source>
        <translation>Select an entry to see what the public register says, then “Adopt” to add it to your organisations.</translation>
    </message>
    <message>
        <source>Import du registre en cours…</source>
        <translation>Importing the register…</translation>
    </message>
    <message>
        <source>{n} entrée</source>
        <translation>{n} entry</translation>
    </message>
    <message>
        <source>{n} entrées</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>Aucune entrée ne correspond à cette recherche. Modifiez le texte ou les filtres.</source>
        <translation>No entry matches this search. Change the text or the filters.</translation>
    </message>
    <message>
        <source>Le registre est vide. Importez les fichiers publics téléchargés sur data.gouv.fr : la base SIRENE de l&apos;Insee (StockEtablissement et StockUniteLegale) pour les entreprises, le Répertoire national des associations (rna_waldec) pour les associations. Ils restent sur ce poste et ne sont jamais synchronisés.</source>
        <translation>The register is empty. Import the public files downloaded from data.gouv.fr: INSEE&apos;s SIRENE database (StockEtablissement and StockUniteLegale) for companies, the national register of associations (rna_waldec) for associations. They stay on this computer and are never synchronised.</translation>
    </message>
    <message>
        <source>{source} : {n} entrée, millésime {vintage}</source>
        <translation>{source}: {n} entry, vintage {vintage}</translation>
    </message>
    <message>
        <source>{source} : {n} entrées, millésime {vintage}</source>
        <translation>{source}: {n} entries, vintage {vintage}</translation>
    </message>
    <message>
        <source>données publiques, locales à ce poste.</source>
        <translation>public data, local to this computer.</translation>
    </message>
    <message>
        <source>Les registres publics servent de référence pour trouver une structure, préremplir sa fiche et repérer les doublons.</source>
        <translation>The public registers serve as a reference to find an organisation, pre-fill its record and spot duplicates.</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{size} (en {year})</source>
        <translation>{size} (in {year})</translation>
    </message>
    <message>
        <source>Déjà dans vos organisations : « {name} ».</source>
        <translation>Already in your organisations: “{name}”.</translation>
    </message>
    <message>
        <source>« {name} » ajoutée à vos organisations.</source>
        <translation>“{name}” added to your organisations.</translation>
    </message>
    <message>
        <source>même SIRET</source>
        <translation>same SIRET</translation>
    </message>
    <message>
        <source>même SIREN</source>
        <translation>same SIREN</translation>
    </message>
    <message>
        <source>même numéro RNA</source>
        <translation>same RNA number</translation>
    </message>
    <message>
        <source>nom proche dans la même commune</source>
        <translation>a close name in the same commune</translation>
    </message>
    <message>
        <source>Déjà dans vos organisations</source>
        <translation>Already in your organisations</translation>
    </message>
    <message>
        <source>« {name} » est déjà dans vos organisations ({how}).</source>
        <translation>“{name}” is already in your organisations ({how}).</translation>
    </message>
    <message>
        <source>Ouvrez sa fiche plutôt que de créer un doublon.</source>
        <translation>Open its record rather than creating a duplicate.</translation>
    </message>
    <message>
        <source>Ouvrir la fiche existante</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <source>Créer quand même</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>{imported} entrée importée sur {read} lignes lues (millésime {vintage}).</source>
        <translation>{imported} entry imported out of {read} lines read (vintage {vintage}).</translation>
    </message>
    <message>
        <source>{imported} entrées importées sur {read} lignes lues (millésime {vintage}).</source>
        <translation>{imported} entries imported out of {read} lines read (vintage {vintage}).</translation>
    </message>
    <message>
        <source>{file}, ligne {line} : {reason} {identifier}</source>
        <translation>{file}, line {line}: {reason} {identifier}</translation>
    </message>
    <message>
        <source>Import terminé</source>
        <translation>Import finished</translation>
    </message>
</context>
<context>
    <name>RgpdView</name>
    <message>
        <source>dernier contact entrant</source>
        <translation>last inbound contact</translation>
    </message>
    <message>
        <source>fin de convention</source>
        <translation>end of agreement</translation>
    </message>
    <message>
        <source>collecte</source>
        <translation>collection</translation>
    </message>
    <message>
        <source>création de la fiche</source>
        <translation>record creation</translation>
    </message>
    <message>
        <source>RGPD</source>
        <translation>GDPR</translation>
    </message>
    <message>
        <source>Les personnes sans contact entrant depuis trois ans (recommandation de la CNIL pour les prospects ; pour les partenaires : trois ans après la fin de la convention). Demandez-leur si elles souhaitent rester en contact ; sans réponse positive, anonymisez ou effacez leur fiche.</source>
        <translation>People with no inbound contact for three years (CNIL recommendation for prospects; for partners: three years after the end of the agreement). Ask them whether they wish to stay in touch; without a positive answer, anonymise or erase their record.</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Base légale</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Date de référence</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>Compté à partir de</source>
        <translation>Counted from</translation>
    </message>
    <message>
        <source>Dépassé de</source>
        <translation>Overdue by</translation>
    </message>
    <message>
        <source>Revue de conservation</source>
        <translation>Retention review</translation>
    </message>
    <message>
        <source>Aucune personne n&apos;a dépassé la durée de conservation : rien à faire aujourd&apos;hui. Revenez ici régulièrement (la revue se met à jour à chaque ouverture).</source>
        <translation>Nobody has exceeded the retention period: nothing to do today. Come back regularly (the review is updated each time it opens).</translation>
    </message>
    <message>
        <source>Tout sélectionner</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Anonymiser la sélection…</source>
        <translation>Anonymise selection…</translation>
    </message>
    <message>
        <source>Effacer la sélection…</source>
        <translation>Erase selection…</translation>
    </message>
    <message>
        <source>Registre des traitements (.docx)…</source>
        <translation>Record of processing (.docx)…</translation>
    </message>
    <message>
        <source>Effacer un nom dans les textes…</source>
        <translation>Erase a name from texts…</translation>
    </message>
    <message>
        <source>Le registre (article 30) décrit ce traitement : finalités, personnes, données, destinataires, durées, sécurité. L&apos;effaceur de textes retire un nom des notes écrites par un collègue pendant qu&apos;une personne était effacée.</source>
        <translation>The record (article 30) describes this processing: purposes, people, data, recipients, retention periods, security. The text eraser removes a name from notes written by a colleague while a person was being erased.</translation>
    </message>
    <message>
        <source>Documents et outils</source>
        <translation>Documents and tools</translation>
    </message>
    <message>
        <source>Double-cliquez sur une personne pour ouvrir sa fiche (onglet RGPD : source, historique, export pour une demande d&apos;accès).</source>
        <translation>Double-click a person to open their record (GDPR tab: source, history, access request export).</translation>
    </message>
    <message>
        <source>{n} mois</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>ce mois-ci</source>
        <translation>this month</translation>
    </message>
    <message>
        <source>S&apos;oppose à la prospection</source>
        <translation>Objects to prospecting</translation>
    </message>
    <message>
        <source>Revue de conservation ({n} personne)</source>
        <translation>Retention review ({n} person)</translation>
    </message>
    <message>
        <source>Revue de conservation ({n} personnes)</source>
        <translation>Retention review ({n} people)</translation>
    </message>
    <message>
        <source>{n} personne sélectionnée</source>
        <translation>{n} person selected</translation>
    </message>
    <message>
        <source>{n} personnes sélectionnées</source>
        <translation>{n} people selected</translation>
    </message>
    <message>
        <source>Effacer définitivement {n} personne ? Sa fiche, ses rôles et son nom dans toutes les notes et documents seront effacés, ici puis chez les collègues à la prochaine synchronisation. C&apos;est irréversible.</source>
        <translation>Permanently erase {n} person? Their record, roles and name in every note and document will be erased, here and then on colleagues&apos; computers at the next synchronisation. This cannot be undone.</translation>
    </message>
    <message>
        <source>Effacer définitivement {n} personnes ? Leurs fiches, leurs rôles et leurs noms dans toutes les notes et documents seront effacés, ici puis chez les collègues à la prochaine synchronisation. C&apos;est irréversible.</source>
        <translation>Permanently erase {n} people? Their records, roles and names in every note and document will be erased, here and then on colleagues&apos; computers at the next synchronisation. This cannot be undone.</translation>
    </message>
    <message>
        <source>Anonymiser {n} personne ? La fiche reste (pour les statistiques) mais son nom, ses coordonnées et son nom dans les notes seront effacés, ici puis chez les collègues. C&apos;est irréversible.</source>
        <translation>Anonymise {n} person? The record stays (for statistics) but their name, contact details and name in notes will be erased, here and then on colleagues&apos; computers. This cannot be undone.</translation>
    </message>
    <message>
        <source>Anonymiser {n} personnes ? Les fiches restent (pour les statistiques) mais leurs noms, coordonnées et leurs noms dans les notes seront effacés, ici puis chez les collègues. C&apos;est irréversible.</source>
        <translation>Anonymise {n} people? The records stay (for statistics) but their names, contact details and names in notes will be erased, here and then on colleagues&apos; computers. This cannot be undone.</translation>
    </message>
    <message>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Effacement en cours…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <source>{n} personne traitée.</source>
        <translation>{n} person processed.</translation>
    </message>
    <message>
        <source>{n} personnes traitées.</source>
        <translation>{n} people processed.</translation>
    </message>
    <message>
        <source>Des documents générés la nommaient (leurs métadonnées sont effacées) : supprimez les fichiers qui ne sont pas des pièces à conserver (conventions, reçus) :
{files}</source>
        <translation>Generated documents named them (their metadata are erased): delete the files that are not records to keep (agreements, receipts):
{files}</translation>
    </message>
    <message>
        <source>Enregistrer le registre des traitements</source>
        <translation>Save the record of processing</translation>
    </message>
    <message>
        <source>Document Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Registre enregistré : {path}</source>
        <translation>Record saved: {path}</translation>
    </message>
    <message>
        <source>Effacer un nom dans les textes</source>
        <translation>Erase a name from texts</translation>
    </message>
    <message>
        <source>Nom, e-mail ou téléphone à retirer de toutes les notes et de tous les textes (au moins trois caractères) :</source>
        <translation>Name, e-mail or phone number to remove from all notes and texts (at least three characters):</translation>
    </message>
    <message>
        <source>{n} texte corrigé.</source>
        <translation>{n} text corrected.</translation>
    </message>
    <message>
        <source>{n} textes corrigés.</source>
        <translation>{n} texts corrected.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Organisations</source>
        <extracomment>One letter matches a large part of any base: wait for a second one.</extracomment>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Échanges</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Rechercher une organisation, un contact, un dossier, une note… (Ctrl+K)</source>
        <translation>Search for an organisation, a contact, a file, a note… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Recherche globale</source>
        <translation>Global search</translation>
    </message>
    <message>
        <source>Aucun résultat pour « {query} ». Essayez un autre mot, ou le début d&apos;un nom.</source>
        <translation>No results for “{query}”. Try another word, or the beginning of a name.</translation>
    </message>
</context>
<context>
    <name>SharedFolderDialog</name>
    <message>
        <source>Dossier partagé</source>
        <translation>Shared folder</translation>
    </message>
</context>
<context>
    <name>SpreadsheetImportDialog</name>
    <message>
        <source>Importer un tableur</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <source>Tableurs (*.xlsx *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>N° RNA</source>
        <translation>RNA no.</translation>
    </message>
    <message>
        <source>Code NAF</source>
        <translation>NAF code</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Portable</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Choisir un autre fichier…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Type donné aux organisations dont la ligne ne le précise pas (un n° RNA donne une association, un SIREN ou un SIRET une entreprise).</source>
        <translation>Type given to organisations whose line does not state it (an RNA no. makes an association, a SIREN or SIRET a company).</translation>
    </message>
    <message>
        <source>Importer des :</source>
        <translation>Import:</translation>
    </message>
    <message>
        <source>Correspondance des colonnes</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>← Modifier la correspondance</source>
        <translation>← Change the mapping</translation>
    </message>
    <message>
        <source>Vérifier le fichier</source>
        <translation>Check the file</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lecture de {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>{n} ligne</source>
        <translation>{n} row</translation>
    </message>
    <message>
        <source>{n} lignes</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>classeur, feuille « {sheet} »</source>
        <translation>workbook, sheet “{sheet}”</translation>
    </message>
    <message>
        <source>encodage {encoding}, séparateur {separator}</source>
        <translation>encoding {encoding}, separator {separator}</translation>
    </message>
    <message>
        <source>Fichier : {name} — {detail} — {rows}</source>
        <translation>File: {name} — {detail} — {rows}</translation>
    </message>
    <message>
        <source>— ne pas importer —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <source>Aperçu : les {n} premières lignes telles qu&apos;elles seront lues</source>
        <translation>Preview: the first {n} rows as they will be read</translation>
    </message>
    <message>
        <source>Choisissez la colonne du champ obligatoire {field}.</source>
        <translation>Choose the column of the required field {field}.</translation>
    </message>
    <message>
        <source>Rien n&apos;est écrit avant la vérification : cliquez sur « Vérifier le fichier ».</source>
        <translation>Nothing is written before the check: click “Check the file”.</translation>
    </message>
    <message>
        <source>Vérification du fichier…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>{n} organisation à créer</source>
        <translation>{n} organisation to create</translation>
    </message>
    <message>
        <source>{n} organisations à créer</source>
        <translation>{n} organisations to create</translation>
    </message>
    <message>
        <source>{n} contact à créer</source>
        <translation>{n} contact to create</translation>
    </message>
    <message>
        <source>{n} contacts à créer</source>
        <translation>{n} contacts to create</translation>
    </message>
    <message>
        <source>{n} ligne ignorée (déjà présente)</source>
        <translation>{n} line skipped (already present)</translation>
    </message>
    <message>
        <source>{n} lignes ignorées (déjà présentes)</source>
        <translation>{n} lines skipped (already present)</translation>
    </message>
    <message>
        <source>{n} organisation créée pour eux</source>
        <translation>{n} organisation created for them</translation>
    </message>
    <message>
        <source>{n} organisations créées pour eux</source>
        <translation>{n} organisations created for them</translation>
    </message>
    <message>
        <source>{n} erreur à corriger : rien ne sera importé tant que le fichier en contient.</source>
        <translation>{n} error to fix: nothing will be imported while the file contains any.</translation>
    </message>
    <message>
        <source>{n} erreurs à corriger : rien ne sera importé tant que le fichier en contient.</source>
        <translation>{n} errors to fix: nothing will be imported while the file contains any.</translation>
    </message>
    <message>
        <source>Aucune erreur : le fichier est prêt à être importé.</source>
        <translation>No error: the file is ready to be imported.</translation>
    </message>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>{severity} : {message}</source>
        <translation>{severity}: {message}</translation>
    </message>
    <message>
        <source>Les avertissements n&apos;empêchent pas l&apos;import.</source>
        <translation>Warnings do not prevent the import.</translation>
    </message>
    <message>
        <source>{n} organisation importée.</source>
        <translation>{n} organisation imported.</translation>
    </message>
    <message>
        <source>{n} organisations importées.</source>
        <translation>{n} organisations imported.</translation>
    </message>
    <message>
        <source>{n} contact importé.</source>
        <translation>{n} contact imported.</translation>
    </message>
    <message>
        <source>{n} contacts importés.</source>
        <translation>{n} contacts imported.</translation>
    </message>
    <message>
        <source>Import terminé</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>Type par défaut des organisations :</source>
        <translation>Default type of organisations:</translation>
    </message>
    <message>
        <source>Type des organisations à créer :</source>
        <translation>Type of organisations to create:</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tab</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Premier contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Mise en relation</source>
        <translation>Matching</translation>
    </message>
    <message>
        <source>Co-construction</source>
        <translation>Co-construction</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Mise en œuvre &amp; suivi</source>
        <translation>Implementation &amp; follow-up</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Partenariat structurant</source>
        <translation>Structuring partnership</translation>
    </message>
</context>
<context>
    <name>StageRequirement</name>
    <message>
        <source>une association porteuse doit être renseignée</source>
        <translation>a lead association must be specified</translation>
    </message>
    <message>
        <source>au moins une entreprise partenaire doit être renseignée</source>
        <translation>at least one partner company must be specified</translation>
    </message>
    <message>
        <source>au moins une rencontre ou un échange doit être consigné</source>
        <translation>at least one meeting or interaction must be logged</translation>
    </message>
    <message>
        <source>la catégorie de partenariat doit être choisie</source>
        <translation>the partnership category must be chosen</translation>
    </message>
    <message>
        <source>une convention doit être rattachée au dossier</source>
        <translation>an agreement must be attached to the file</translation>
    </message>
    <message>
        <source>la convention doit être signée</source>
        <translation>the agreement must be signed</translation>
    </message>
    <message>
        <source>une note de bilan doit être consignée</source>
        <translation>a review note must be logged</translation>
    </message>
</context>
<context>
    <name>StageStepper</name>
    <message>
        <source>Étapes du dossier</source>
        <translation>File stages</translation>
    </message>
    <message>
        <source>Étape actuelle : {stage}</source>
        <translation>Current stage: {stage}</translation>
    </message>
    <message>
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Ouverture du dossier</source>
        <translation>File opened</translation>
    </message>
    <message>
        <source>Depuis « {stage} »</source>
        <translation>From “{stage}”</translation>
    </message>
    <message>
        <source>{when} — {what}, par {who}</source>
        <translation>{when} — {what}, by {who}</translation>
    </message>
    <message>
        <source>Raison : {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Le dossier n&apos;est pas encore passé par cette étape.</source>
        <translation>The file has not been through this stage yet.</translation>
    </message>
    <message>
        <source>Cliquez pour passer le dossier à cette étape.</source>
        <translation>Click to move the file to this stage.</translation>
    </message>
    <message>
        <source>Dossier mis en pause</source>
        <translation>File put on hold</translation>
    </message>
    <message>
        <source>Dossier abandonné</source>
        <translation>File abandoned</translation>
    </message>
    <message>
        <source>Dossier repris</source>
        <translation>File resumed</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Base déjà ouverte</source>
        <translation>Database already open</translation>
    </message>
    <message>
        <source>Cette base est déjà utilisée par un autre programme Passerelle.</source>
        <translation>This database is already in use by another Passerelle program.</translation>
    </message>
</context>
<context>
    <name>StartupWindow</name>
    <message>
        <source>Ouverture de la base {name}…</source>
        <translation>Opening the database {name}…</translation>
    </message>
</context>
<context>
    <name>SupportNature</name>
    <message>
        <source>Financier</source>
        <translation>Financial</translation>
    </message>
    <message>
        <source>Compétences (mécénat de compétences)</source>
        <translation>Skills (skills patronage)</translation>
    </message>
    <message>
        <source>En nature (matériel, locaux)</source>
        <translation>In kind (equipment, premises)</translation>
    </message>
    <message>
        <source>Bénévolat / ressources humaines</source>
        <translation>Volunteering / human resources</translation>
    </message>
    <message>
        <source>Mise en réseau</source>
        <translation>Networking</translation>
    </message>
    <message>
        <source>Achats responsables</source>
        <translation>Responsible purchasing</translation>
    </message>
    <message>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>(vide)</source>
        <extracomment>fields whose values are vocabulary members, by (entity or &quot;*&quot;, field)</extracomment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>un autre enregistrement ({id}…)</source>
        <translation>another record ({id}…)</translation>
    </message>
    <message>
        <source>auteur inconnu</source>
        <translation>unknown author</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Export de vos modifications…</source>
        <extracomment>what the bus carries after a sync write, so the badge and the inbox re-count</extracomment>
        <translation>Exporting your changes…</translation>
    </message>
    <message>
        <source>Import des fichiers de synchronisation…</source>
        <translation>Importing sync files…</translation>
    </message>
    <message>
        <source>&amp;Synchronisation</source>
        <translation>&amp;Synchronisation</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Veuillez patienter</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Enregistrer la clé d&apos;équipe</source>
        <translation>Save the team key</translation>
    </message>
    <message>
        <source>Clé d&apos;équipe Passerelle (*.ofkey)</source>
        <translation>Passerelle team key (*.ofkey)</translation>
    </message>
    <message>
        <source>Ouvrir une clé d&apos;équipe</source>
        <translation>Open a team key</translation>
    </message>
</context>
<context>
    <name>TemplatesView</name>
    <message>
        <source>Importer un modèle .docx</source>
        <translation>Import a .docx template</translation>
    </message>
    <message>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>montant (€)</source>
        <translation>amount (€)</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>date et heure</source>
        <translation>date and time</translation>
    </message>
    <message>
        <source>liste</source>
        <translation>list</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>Fourni</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Importé</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Modèles de documents</source>
        <extracomment>emitted with the imported template&apos;s name</extracomment>
        <translation>Document templates</translation>
    </message>
    <message>
        <source>Les modèles Word (.docx) qui produisent conventions, lettres, invitations et comptes rendus. Importez vos propres modèles : ils sont vérifiés avant d&apos;être utilisés.</source>
        <translation>The Word (.docx) templates that produce agreements, letters, invitations and minutes. Import your own templates: they are checked before use.</translation>
    </message>
    <message>
        <source>Importer un modèle…</source>
        <translation>Import a template…</translation>
    </message>
    <message>
        <source>Vérifier</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Chercher les champs inconnus et les balises mal formées</source>
        <translation>Look for unknown fields and malformed tags</translation>
    </message>
    <message>
        <source>Ouvrir l&apos;aperçu dans le traitement de texte</source>
        <translation>Open the preview in the word processor</translation>
    </message>
    <message>
        <source>Modèle</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Données de l&apos;aperçu</source>
        <translation>Preview data</translation>
    </message>
    <message>
        <source>Remplir avec :</source>
        <translation>Fill with:</translation>
    </message>
    <message>
        <source>Emplacement</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Nom proche</source>
        <translation>Closest name</translation>
    </message>
    <message>
        <source>Filtrer : association, montant, date…</source>
        <translation>Filter: association, amount, date…</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Double-cliquez pour copier {code}</source>
        <translation>Double-click to copy {code}</translation>
    </message>
    <message>
        <source>Filtres français</source>
        <translation>French filters</translation>
    </message>
    <message>
        <source>Dans Word, écrivez {code} ; pour une liste : {loop}.</source>
        <translation>In Word, type {code}; for a list: {loop}.</translation>
    </message>
    <message>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Champs disponibles</source>
        <translation>Available fields</translation>
    </message>
    <message>
        <source>{n} modèle</source>
        <translation>{n} template</translation>
    </message>
    <message>
        <source>{n} modèles</source>
        <translation>{n} templates</translation>
    </message>
    <message>
        <source>Données d&apos;exemple (aucun dossier)</source>
        <translation>Sample data (no file)</translation>
    </message>
    <message>
        <source>Modèle sans description.</source>
        <translation>Template without a description.</translation>
    </message>
    <message>
        <source>Choisissez un modèle pour le vérifier.</source>
        <translation>Choose a template to check it.</translation>
    </message>
    <message>
        <source>« {file} » n&apos;a pas été importé : {n} problème à corriger dans Word, puis importez-le de nouveau.</source>
        <translation>« {file} » was not imported: {n} problem to fix in Word, then import it again.</translation>
    </message>
    <message>
        <source>« {file} » n&apos;a pas été importé : {n} problèmes à corriger dans Word, puis importez-le de nouveau.</source>
        <translation>« {file} » was not imported: {n} problems to fix in Word, then import it again.</translation>
    </message>
    <message>
        <source>Aucun problème : tous les champs de « {file} » sont connus et les balises sont bien formées ({n} champs utilisés).</source>
        <translation>No problem: every field of « {file} » is known and the tags are well formed ({n} fields used).</translation>
    </message>
    <message>
        <source>{n} problème à corriger dans « {file} » :</source>
        <translation>{n} problem to fix in « {file} »:</translation>
    </message>
    <message>
        <source>{n} problèmes à corriger dans « {file} » :</source>
        <translation>{n} problems to fix in « {file} »:</translation>
    </message>
    <message>
        <source>Texte du paragraphe : « {excerpt} »</source>
        <translation>Paragraph text: « {excerpt} »</translation>
    </message>
    <message>
        <source>Aperçu sur des données d&apos;exemple : la mise en page exacte s&apos;affiche dans le traitement de texte.</source>
        <translation>Preview on sample data: the exact layout shows in the word processor.</translation>
    </message>
    <message>
        <source>Aperçu avec les données du dossier {reference} (rien n&apos;est enregistré).</source>
        <translation>Preview with the data of file {reference} (nothing is saved).</translation>
    </message>
    <message>
        <source>Aperçu impossible : corrigez d&apos;abord le modèle (onglet « Vérification »).</source>
        <translation>No preview: fix the template first (« Check » tab).</translation>
    </message>
    <message>
        <source>Copié : {code}</source>
        <translation>Copied: {code}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Base chiffrée</source>
        <translation>Encrypted database</translation>
    </message>
    <message>
        <source>Ouvrir une base chiffrée</source>
        <translation>Open an encrypted database</translation>
    </message>
    <message>
        <source>La base {name} est chiffrée et sa clé n&apos;est pas dans le trousseau de cet ordinateur. Saisissez sa clé de secours (14 groupes de 4 caractères), ou la phrase de passe qui la protège.</source>
        <translation>The database {name} is encrypted and its key is not in this computer&apos;s keyring. Type its recovery key (14 groups of 4 characters), or the passphrase that protects it.</translation>
    </message>
    <message>
        <source>Clé de secours ou phrase de passe</source>
        <translation>Recovery key or passphrase</translation>
    </message>
    <message>
        <source>Afficher les caractères</source>
        <translation>Show characters</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>Bienvenue dans Passerelle</source>
        <translation>Welcome to Passerelle</translation>
    </message>
    <message>
        <source>Vos dossiers d&apos;accompagnement, rencontres et conventions, sur cet ordinateur, même sans connexion.</source>
        <translation>Your partnership files, meetings and agreements, on this computer, even offline.</translation>
    </message>
    <message>
        <source>Comment voulez-vous commencer ?</source>
        <translation>How would you like to start?</translation>
    </message>
    <message>
        <source>Créer ma base de travail</source>
        <translation>Create my working database</translation>
    </message>
    <message>
        <source>Découvrir Passerelle avec la démonstration</source>
        <translation>Discover Passerelle with the demo</translation>
    </message>
    <message>
        <source>Rejoindre mon équipe avec un paquet de clé</source>
        <translation>Join my team with a key package</translation>
    </message>
    <message>
        <source>Une base vide, à votre nom, enregistrée dans votre dossier personnel et sauvegardée automatiquement.</source>
        <translation>An empty database in your name, stored in your home folder and backed up automatically.</translation>
    </message>
    <message>
        <source>Des structures, dossiers et rencontres fictifs de la métropole lilloise, pour essayer sans risque. Votre base de travail reste à créer ensuite.</source>
        <translation>Fictitious organisations, files and meetings of the Lille metropolis, to try things safely. Your working database is still to be created afterwards.</translation>
    </message>
    <message>
        <source>Un collègue vous a transmis le paquet de clé de votre équipe et sa phrase secrète : vous pourrez échanger vos fichiers de synchronisation.</source>
        <translation>A colleague sent you your team&apos;s key package and its passphrase: you will be able to exchange sync files.</translation>
    </message>
    <message>
        <source>Vous et votre structure</source>
        <translation>You and your organisation</translation>
    </message>
    <message>
        <source>Votre nom signe vos notes de rencontre et vos documents ; votre structure apparaît dans les conventions et les courriers.</source>
        <translation>Your name signs your meeting notes and documents; your organisation appears in agreements and letters.</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>par exemple : Maison des Associations de Roubaix</source>
        <translation>for example: Maison des Associations de Roubaix</translation>
    </message>
    <message>
        <source>Votre nom :</source>
        <translation>Your name:</translation>
    </message>
    <message>
        <source>Votre structure :</source>
        <translation>Your organisation:</translation>
    </message>
    <message>
        <source>Les deux se modifient plus tard dans Fichier › Préférences.</source>
        <translation>Both can be changed later in File › Preferences.</translation>
    </message>
    <message>
        <source>Le paquet de clé de l&apos;équipe</source>
        <translation>The team&apos;s key package</translation>
    </message>
    <message>
        <source>Le paquet de clé, le fichier qu&apos;un collègue vous a transmis, chiffre les échanges de votre équipe. La clé sera rangée dans le trousseau de votre système, jamais en clair sur le disque.</source>
        <translation>The key package, the file a colleague sent you, encrypts your team&apos;s exchanges. The key will be kept in your system&apos;s keyring, never in plain text on disk.</translation>
    </message>
    <message>
        <source>Aucun fichier choisi</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Paquet de clé :</source>
        <translation>Key package:</translation>
    </message>
    <message>
        <source>Phrase secrète :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Demandez la phrase secrète de vive voix ou par téléphone, pas dans le même courriel que le paquet.</source>
        <translation>Ask for the passphrase in person or by phone, not in the same e-mail as the package.</translation>
    </message>
    <message>
        <source>Paquet de clé de l&apos;équipe</source>
        <translation>Team key package</translation>
    </message>
    <message>
        <source>Tous les fichiers (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Tout est prêt</source>
        <translation>All set</translation>
    </message>
    <message>
        <source>Besoin d&apos;aide ensuite ? Appuyez sur F1 dans Passerelle pour ouvrir le guide d&apos;utilisation.</source>
        <translation>Need help later? Press F1 in Passerelle to open the user guide.</translation>
    </message>
    <message>
        <source>Passerelle va préparer la base de démonstration (une quinzaine de secondes la première fois) puis l&apos;ouvrir. Les données sont fictives : essayez tout.</source>
        <translation>Passerelle will prepare the demo database (about fifteen seconds the first time) and open it. The data is fictitious: try everything.</translation>
    </message>
    <message>
        <source>Passerelle va créer votre base au nom de {name}, puis ouvrir le paquet de clé de l&apos;équipe. Importez ensuite les fichiers de synchronisation de vos collègues (menu Synchronisation).</source>
        <translation>Passerelle will create your database in the name of {name}, then open the team&apos;s key package. Then import your colleagues&apos; sync files (Synchronisation menu).</translation>
    </message>
    <message>
        <source>Passerelle va créer votre base au nom de {name}. Commencez par une organisation ou un dossier ; Ctrl+M note une rencontre à tout moment.</source>
        <translation>Passerelle will create your database in the name of {name}. Start with an organisation or a file; Ctrl+M logs a meeting at any time.</translation>
    </message>
    <message>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Préparation de votre base…</source>
        <translation>Preparing your database…</translation>
    </message>
</context>
</TS>
