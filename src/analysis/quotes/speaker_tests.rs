//! Speakers, French mostly: the noun phrase a cue points to, on sentences
//! written in the style of agency copy. Each test is one rule of
//! `people::phrases` or `quotes::sources`.

use super::*;
use crate::analysis::{Label, sentences, tokens};

/// The speaker of each quote found in `text`, with the recognised
/// `entities` given as (words, label), each word run once per group.
fn speakers_with(text: &str, entities: &[(&str, Label)]) -> Vec<Option<String>> {
    speakers_in(text, Lang::Fr, entities)
}

/// As `speakers_with`, in `lang`.
fn speakers_in(text: &str, lang: Lang, entities: &[(&str, Label)]) -> Vec<Option<String>> {
    let mut ents = Vec::new();
    let mut groups = Vec::new();
    for (words, label) in entities {
        let mut mentions = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find(words) {
            let a = from + i;
            mentions.push(ents.len());
            ents.push(Entity {
                span: Span::new(a, a + words.len()),
                label: *label,
                group: groups.len(),
            });
            from = a + words.len();
        }
        groups.push(Group {
            id: groups.len(),
            name: words.to_string(),
            label: *label,
            mentions,
        });
    }
    ents.sort_by_key(|e| e.span.start);
    for g in &mut groups {
        g.mentions = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.group == g.id)
            .map(|(i, _)| i)
            .collect();
    }
    let toks = tokens::tokenize(text);
    let sents = sentences::split(text, &toks);
    find(text, &toks, &sents, lang, &ents, &groups)
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

/// The words each quote's speaker mention spans.
fn mentions(text: &str) -> Vec<Option<String>> {
    let toks = tokens::tokenize(text);
    let sents = sentences::split(text, &toks);
    find(text, &toks, &sents, Lang::Fr, &[], &[])
        .into_iter()
        .map(|q| q.speaker_span.map(|s| s.text(text).to_string()))
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    speakers_with(text, &[])
}

/// Every quote of `text` (direct, and the indirect clause around it) is
/// `speaker`'s.
fn all_by(text: &str, speaker: &str) {
    let found = speakers(text);
    assert!(
        !found.is_empty() && found.iter().all(|s| s.as_deref() == Some(speaker)),
        "{found:?} in {text}"
    );
}

fn who(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn an_incidental_phrase_between_the_verb_and_its_subject() {
    assert_eq!(
        speakers("« Le calendrier ne tient plus », estime pour sa part Neil Hyatt."),
        vec![who("Neil Hyatt")]
    );
    assert_eq!(
        speakers(
            "« Nous attendrons le rapport », a réagi quant à elle la ministre de la Santé Agnès Buzyn."
        ),
        vec![who("Agnès Buzyn")]
    );
    // and between commas, between the subject and its verb
    assert_eq!(
        speakers(
            "Jean Castex a, quant à lui, dénoncé « une campagne de désinformation orchestrée »."
        ),
        vec![who("Jean Castex")]
    );
    assert_eq!(
        speakers(
            "Jean Castex a, pour sa part, jugé la réforme « absolument indispensable au pays »."
        ),
        vec![who("Jean Castex")]
    );
}

#[test]
fn a_subordinate_clause_ends_the_subject() {
    assert_eq!(
        speakers(
            "« Nous restons unis », a déclaré le président du Conseil européen Donald Tusk tandis que les dirigeants quittaient Bruxelles."
        ),
        vec![who("Donald Tusk")]
    );
    assert_eq!(
        speakers(
            "« C'est un jour historique », a lancé le Premier ministre Bernard Cazeneuve lorsqu'il est arrivé."
        ),
        vec![who("Bernard Cazeneuve")]
    );
}

#[test]
fn a_name_in_apposition_to_a_role_speaks() {
    assert_eq!(
        speakers(
            "« La loi sera appliquée », a affirmé le ministre de la Justice Alberto Ruiz-Gallardón."
        ),
        vec![who("Alberto Ruiz-Gallardón")]
    );
    assert_eq!(
        speakers(
            "« Le film parle de nous tous », a expliqué la présidente du jury, l'actrice belge Hélène Vandamme."
        ),
        vec![who("Hélène Vandamme")]
    );
}

#[test]
fn a_name_after_a_preposition_completes_the_phrase() {
    // a relative described by whom they are close to is not that person
    let s = speakers(
        "Brigitte Troadec a disparu en février. « Elle n'aurait jamais laissé ses enfants », a confié un proche de Brigitte Troadec.",
    );
    assert_ne!(s, vec![who("Brigitte Troadec")]);
    // a body named after its town is the body, not the town
    assert_eq!(
        speakers("« Une enquête a été ouverte », a indiqué le parquet de Nanterre."),
        vec![who("parquet de Nanterre")]
    );
}

#[test]
fn a_recognised_name_with_lowercase_words_reads_whole() {
    assert_eq!(
        speakers_with(
            "« Le ministre savait tout depuis janvier », affirme Le Canard enchaîné.",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
    assert_eq!(
        speakers_with(
            "« Nous déposerons une motion de censure », a annoncé le Parti socialiste.",
            &[("Parti socialiste", Label::Org)]
        ),
        vec![who("Parti socialiste")]
    );
    assert_eq!(
        speakers_with(
            "« La taxe carbone reviendra », a promis François de Rugy.",
            &[("François de Rugy", Label::Per)]
        ),
        vec![who("François de Rugy")]
    );
}

#[test]
fn a_name_opening_the_clause_before_an_unclosed_apposition() {
    assert_eq!(
        speakers(
            "Jean-Claude Juncker, le président de la Commission se dit « très préoccupé par la situation »."
        ),
        vec![who("Jean-Claude Juncker")]
    );
}

#[test]
fn a_recognised_body_with_its_acronym_and_place_is_named_by_them() {
    let t = "Le feu a été maîtrisé par 120 pompiers, selon le service départemental d'incendie et de secours (SDIS) de Seine-Maritime.\n\n« Les flammes ont atteint vingt mètres », a indiqué le service départemental d'incendie et de secours (SDIS) de Seine-Maritime.";
    let found = speakers_with(
        t,
        &[("service départemental d'incendie et de secours", Label::Org)],
    );
    assert!(
        !found.is_empty()
            && found
                .iter()
                .all(|s| s.as_deref() == Some("SDIS de Seine-Maritime")),
        "{found:?}"
    );
}

#[test]
fn a_gerund_speaks_for_the_subject_of_the_verb_before_it() {
    // not the noun just before it
    assert_eq!(
        speakers(
            "Le commissaire Pierre Moscovici a démenti ces accusations à Bruxelles en répondant que « ces dons étaient personnels et sans contrepartie »."
        ),
        vec![who("Pierre Moscovici")]
    );
    assert_eq!(
        speakers(
            "Le député Iouri Sineltchikov a, lui, dénoncé ce projet de loi en insistant sur le fait que « les traditions ne reposent pas sur le fouet »."
        ),
        vec![who("Iouri Sineltchikov")]
    );
    // an inverted subject
    assert_eq!(
        speakers(
            "« Nous partirons », a déclaré Jean Roux, ajoutant que « rien ne changera cette décision »."
        ),
        vec![who("Jean Roux"), who("Jean Roux")]
    );
    // no speech verb before: the phrase opening the sentence, with its
    // name in apposition, not the party inside it
    assert_eq!(
        speakers_with(
            "Le candidat de Debout la France, Nicolas Dupont-Aignan, veut prohiber les rémunérations privées, estimant qu'un élu « doit se tenir à l'écart des lobbys ».",
            &[
                ("Debout la France", Label::Org),
                ("Nicolas Dupont-Aignan", Label::Per)
            ]
        ),
        vec![who("Nicolas Dupont-Aignan")]
    );
}

#[test]
fn a_modal_verb_ends_the_subject_phrase() {
    assert_eq!(
        mentions(
            "Le candidat de Lutte ouvrière voudrait aussi, estimant que « les élus doivent rendre des comptes », fixer le nombre d'attachés."
        ),
        vec![Some("Le candidat de Lutte ouvrière".to_string())]
    );
    // the phrase is the candidate, bound to the name given before
    assert_eq!(
        speakers(
            "Le candidat du PS, Benoît Hamon, a présenté son programme. Le candidat du PS veut également, lui aussi, prohiber les rémunérations privées, estimant qu'un élu « doit se tenir à l'écart des lobbys »."
        ),
        vec![who("Benoît Hamon")]
    );
}

#[test]
fn an_adverb_opening_a_sentence_is_no_name() {
    assert_eq!(
        speakers(
            "Pierre Bouteiller rejoint l'ORTF. Là, il présente un magazine dont la « formule est de ne pas en avoir »."
        ),
        vec![who("Pierre Bouteiller")]
    );
}

#[test]
fn a_place_after_a_preposition_completes_the_subject() {
    assert_eq!(
        speakers(
            "Emmanuel Macron visitait une usine. Le chef de l'État en déplacement à Égletons a dit au président de la région « ils feraient mieux d'aller chercher des postes »."
        ),
        vec![who("Emmanuel Macron")]
    );
    // the relative's antecedent is the role, in apposition to the name
    let found = speakers(
        "« L'hôpital a été détruit », a ajouté Massimiliano Rebaudengo, le chef de mission de MSF pour la Syrie qui considère qu'il s'agit « d'une attaque délibérée contre une structure de santé ».",
    );
    assert!(
        found.len() >= 2
            && found
                .iter()
                .all(|s| s.as_deref() == Some("Massimiliano Rebaudengo")),
        "{found:?}"
    );
}

#[test]
fn a_person_or_an_agent_before_qui_stays_the_antecedent() {
    all_by(
        "Le projet avait été bloqué par Obama, qui estimait qu'il ne renforçait pas « la sécurité énergétique du pays ».",
        "Obama",
    );
    all_by(
        "Le maire a écrit à Jean Dupont, qui a répondu que « rien ne justifie cette fermeture ».",
        "Jean Dupont",
    );
}

#[test]
fn a_name_spelt_without_its_diacritics_is_the_same_person() {
    assert_eq!(
        speakers(
            "Le président turc, Recep Tayyip Erdoğan, a voté à Istanbul. « C'est un moment historique pour la Turquie », a déclaré Erdogan."
        ),
        vec![who("Recep Tayyip Erdoğan")]
    );
}

#[test]
fn a_name_spelt_both_ways_keeps_its_diacritics() {
    use crate::analysis::{Analyzer, Lang as L};
    let text = "Le Premier ministre Edouard Philippe a réuni les syndicats. Vers 20 heures, Édouard Philippe affirme que « les blindés de la gendarmerie seront mobilisés samedi ».";
    let a = Analyzer::new().unwrap().analyze(text, Some(L::Fr));
    let got: Vec<_> = a.quotes.iter().map(|q| q.speaker.clone()).collect();
    assert_eq!(got, vec![who("Édouard Philippe")]);
}

#[test]
fn an_acronym_spelt_out_in_apposition_is_its_expansion() {
    // the expansion follows the acronym; what places the body is left out
    assert_eq!(
        speakers_with(
            "Le rapport final du BEA, le Bureau d'enquêtes et d'analyses de la DGAC, conclut que l'accident a été provoqué par une combinaison de facteurs. Le BEA a ajouté : « Les pilotes n'avaient pas été formés. »",
            &[("BEA", Label::Org), ("DGAC", Label::Org)]
        ),
        vec![
            who("Bureau d'enquêtes et d'analyses"),
            who("Bureau d'enquêtes et d'analyses")
        ]
    );
    // an apposition whose initials do not spell the acronym is no expansion
    assert_eq!(
        speakers_with(
            "« Nous voterons contre », a déclaré le PS, le Parti de François Hollande.",
            &[("PS", Label::Org), ("François Hollande", Label::Per)]
        ),
        vec![who("PS")]
    );
}

#[test]
fn an_acronym_spelt_out_in_lowercase_is_its_expansion() {
    // "La" opening a sentence is no part of an acronym's name
    assert_eq!(
        speakers(
            "En 2013, la régie autonome des transports parisiens (RATP) aurait embauché des agents.\n\n« Nous ne sommes pas imperméables à la société », a déclaré la RATP. La RATP a ajouté : « Aucun réseau n'est organisé chez nous. »"
        ),
        vec![
            who("régie autonome des transports parisiens"),
            who("régie autonome des transports parisiens")
        ]
    );
    // a newspaper keeps its article
    assert_eq!(
        speakers("« Le gouvernement savait », affirme Le Monde dans son édition de mardi."),
        vec![who("Le Monde")]
    );
}

#[test]
fn a_role_stands_for_the_name_it_is_in_apposition_to() {
    // "Le Premier ministre X" binds another role; the previous speaker, an
    // institution written as in the text, is no person
    assert_eq!(
        speakers(
            "Paul Garnier, l'actuel ministre de l'Agriculture, aurait acheté une ferme.\n\nLe cabinet du ministre a précisé que « la ferme a été déclarée ».\n\nLe Premier ministre Anne Morel l'a reçu jeudi.\n\n« Je n'ai rien caché à personne », a répondu le ministre en marge d'une visite."
        ),
        vec![who("cabinet du ministre"), who("Paul Garnier")]
    );
}

#[test]
fn a_role_with_another_complement_is_another_person() {
    // "le candidat de la Gauche unie" is not "le candidat des Verts"
    assert_eq!(
        speakers(
            "Pour Marc Leroy, le candidat des Verts, « il faut taxer le kérosène ».\n\nPour Julien Faure, « les transports doivent rester publics ». Le candidat de la Gauche unie veut aussi, estimant qu'un train « doit arriver à l'heure dans toutes les régions »."
        ),
        vec![who("Marc Leroy"), who("Julien Faure"), who("Julien Faure")]
    );
}

#[test]
fn a_relative_clause_before_the_verb_keeps_its_antecedent() {
    assert_eq!(
        speakers(
            "L'entraîneur de Lille, Marc Dubois, qui a recruté cet été le milieu Kevin Laurent, et un défenseur de Nantes, a déclaré : « Nous jouerons pour gagner le titre cette saison. »"
        ),
        vec![who("Marc Dubois")]
    );
}

#[test]
fn a_name_completing_a_role_is_no_subject_before_a_colon() {
    assert_eq!(
        speakers(
            "Le président de la Région, Henri Vasseur, a publié vers midi un message depuis Lyon : « Toutes nos pensées vont aux familles des victimes. »"
        ),
        vec![who("Henri Vasseur")]
    );
}

#[test]
fn a_bare_role_keeps_the_name_of_its_fuller_form() {
    assert_eq!(
        speakers(
            "Vers midi, le ministre de la Santé, Louis Perrin, a déclaré que « les hôpitaux tiennent bon ». « Nous n'en sommes pas du tout à la rupture », objecte le ministre."
        ),
        vec![who("Louis Perrin"), who("Louis Perrin")]
    );
}

#[test]
fn a_fact_reported_from_another_source_breaks_the_thread() {
    // the sondage is no speaker of the slogan that follows
    assert_eq!(
        speakers(
            "« Nous irons jusqu'au bout », a lancé Karim Benali.\n\nSelon le sondage mensuel Ifop, la ministre a perdu trois points.\n\nÀ Lyon, un manifestant a été interpellé pour avoir appelé à « bloquer toutes les routes du département »."
        ),
        vec![who("Karim Benali"), who("Ifop"), None]
    );
}

#[test]
fn a_document_named_again_speaks_for_its_author() {
    // "la déclaration" goes back to "une déclaration du Parti socialiste"
    assert_eq!(
        speakers_with(
            "Une déclaration du Parti socialiste a confirmé le vote de mardi. La déclaration précise : « Nos députés voteront contre le texte en deuxième lecture. »",
            &[("Parti socialiste", Label::Org)]
        ),
        vec![who("Parti socialiste")]
    );
    // a programme named in quotation marks, not the channel beside it
    assert_eq!(
        speakers_with(
            "Le ministre aurait employé ses enfants pendant dix ans, a révélé lundi l'émission de France 2 « Cash Investigation ».\n\nLe ministre n'a pas répondu. « Les contrats cumulés atteignent environ 40 000 euros » , a précisé l'émission.",
            &[
                ("France 2", Label::Org),
                ("Cash Investigation", Label::Misc)
            ]
        ),
        vec![who("Cash Investigation")]
    );
}

#[test]
fn selon_a_medium_in_quotation_marks() {
    assert_eq!(
        speakers_with(
            "Selon « Le Canard enchaîné », « la somme n'a jamais été déclarée à l'administration fiscale » .",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
}

#[test]
fn the_agent_before_a_colon_and_the_pronoun_after_the_quote() {
    // the pronoun after the quote stands for the agent that introduced it;
    // a bracketed acronym goes by its expansion, even translated
    assert_eq!(
        speakers_with(
            "Le jugement a été accueilli avec soulagement par la Ligue internationale contre le racisme (ICAR) : « C'est une victoire pour des milliers de familles » , a-t-elle réagi.",
            &[
                ("Ligue internationale contre le racisme", Label::Org),
                ("ICAR", Label::Org)
            ]
        ),
        vec![who("Ligue internationale contre le racisme")]
    );
    // a subject far from the colon leaves the pronoun to its own antecedent
    assert_eq!(
        speakers_with(
            "« Nous avons trouvé la supernova la plus lointaine », explique le professeur Marc Sullet. Le chercheur et ses 400 collègues du Dark Energy Survey concentrent désormais leur travail sur les recoins du cosmos : « Nous sommes en quête active de bien plus d'entre eux » , conclut-il.",
            &[
                ("Marc Sullet", Label::Per),
                ("Dark Energy Survey", Label::Org)
            ]
        ),
        vec![who("Marc Sullet"), who("Marc Sullet")]
    );
    // a medium before the colon is where it was said, not who said it
    assert_eq!(
        speakers_with(
            "Le porte-parole Ali Dhere a réagi dans la soirée. Il a ensuite publié un message sur la messagerie chiffrée Telegram : « Un de nos combattants a visé l'hôtel » , a-t-il écrit.",
            &[("Ali Dhere", Label::Per), ("Telegram", Label::Org)],
        ),
        vec![who("Ali Dhere")]
    );
}

#[test]
fn a_name_right_before_a_quote_that_opens_on_its_verb() {
    // past an opening phrase that lists other people; a regnal name is no
    // first name of another person of the article
    assert_eq!(
        speakers_with(
            "François Hollande a réuni son gouvernement. Après les messages de Jean Castex, Anne Hidalgo et d'autres élus, le pape François « s'associe à la douleur des familles et prie pour elles » .",
            &[
                ("François Hollande", Label::Per),
                ("Jean Castex", Label::Per),
                ("Anne Hidalgo", Label::Per),
                ("François", Label::Per)
            ]
        ),
        vec![who("pape François")]
    );
}

#[test]
fn a_name_completing_a_relation_is_not_the_speaker() {
    // "un proche de X" is someone only described: no name
    assert_eq!(
        speakers_with(
            "Un ami de Paul Marchand confie au Parisien que « je ne l'ai jamais vu aussi inquiet depuis des années » .",
            &[("Paul Marchand", Label::Per), ("Parisien", Label::Org)]
        ),
        vec![None]
    );
}

#[test]
fn a_name_ending_in_apostrophe_s_is_one_name() {
    // French has no possessive 's: "McDonald's" is a name, not a phrase
    assert_eq!(
        speakers_with(
            "McDonald's explique dans un communiqué que « les restaurants resteront ouverts pendant toute la durée des travaux » .",
            &[]
        ),
        vec![who("McDonald's")]
    );
}

#[test]
fn pour_x_after_a_conjunction() {
    assert_eq!(
        speakers_with(
            "« Nous devons agir vite », a lancé le président du Conseil Charles Michel tandis que, pour la présidente de la Commission Ursula von der Leyen, « rien ne sera possible sans les États membres » .",
            &[
                ("Charles Michel", Label::Per),
                ("Ursula von der Leyen", Label::Per),
                ("Commission", Label::Org),
                ("Conseil", Label::Org)
            ]
        ),
        vec![who("Charles Michel"), who("Ursula von der Leyen")]
    );
}

#[test]
fn a_recognised_name_with_lowercase_words_opens_the_clause() {
    // "Le Canard enchaîné" is the subject, not a description of a duck
    assert_eq!(
        speakers_with(
            "Le Canard enchaîné déplore « le résultat burlesque d'une législation bricolée depuis des années » .",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
    // but a name completing an institution is the institution's
    assert_eq!(
        speakers_with(
            "La police de Fort Myers a affirmé que les enquêteurs « travaillaient encore sur la scène du crime pour établir le motif » .",
            &[("Fort Myers", Label::Loc)]
        ),
        vec![who("police de Fort Myers")]
    );
}

#[test]
fn mais_and_puis_keep_the_clause_subject() {
    assert_eq!(
        speakers_with(
            "Raúl Castro n'a pas précisé les causes de la mort, mais a annoncé qu'il serait incinéré samedi, « conformément à la volonté exprimée par le défunt » .",
            &[("Raúl Castro", Label::Per)]
        ),
        vec![who("Raúl Castro")]
    );
}

#[test]
fn a_role_relative_to_a_person_is_not_the_person_in_focus() {
    // someone's lawyer, never named, has no name; the person in focus is
    // not them
    assert_eq!(
        speakers_with(
            "Valérie Pécresse a porté plainte lundi. L'avocate de Benoît Hamon précise à Libération que « la plainte vise une injure publique et non une diffamation » .",
            &[
                ("Valérie Pécresse", Label::Per),
                ("Benoît Hamon", Label::Per)
            ]
        ),
        vec![None]
    );
}

#[test]
fn a_partial_quote_after_que_past_an_apposition_with_quotes() {
    use crate::analysis::{Analyzer, Lang as L};
    let text = "Vers 10h30, Jeanne Morel, membre des \"gilets jaunes libres\", affirme que les \"Français sont pris en otage par une minorité\", qui souhaite continuer le mouvement.";
    let a = Analyzer::new().unwrap().analyze(text, Some(L::Fr));
    let got: Vec<_> = a.quotes.iter().map(|q| q.speaker.clone()).collect();
    assert_eq!(got, vec![who("Jeanne Morel")]);
}

#[test]
fn a_time_and_a_place_opening_a_live_report_are_no_subject() {
    assert_eq!(
        speakers_with(
            "Vers 17h10, à Lyon, la préfecture du Rhône appelle les commerçants de la presqu'île « à fermer leurs vitrines avant le défilé de samedi » .",
            &[("Lyon", Label::Loc), ("Rhône", Label::Loc)]
        ),
        vec![who("préfecture du Rhône")]
    );
    assert_eq!(
        speakers_with(
            "Vers 14h30, à Limoges, l'individu arrêté la veille pour avoir appelé à « détruire des monuments et tuer la République » a été placé en détention.",
            &[("Limoges", Label::Loc)]
        ),
        vec![None]
    );
}

#[test]
fn more_french_roles_stand_for_their_person() {
    // a role of religion bound by its title earlier in the article
    assert_eq!(
        speakers_with(
            "L'archevêque de Lyon Olivier Martin a annoncé son retour. L'archevêque de Lyon, invité à la préfecture, appelle tout le monde, « même les non-croyants, à prier pour les victimes » .",
            &[("Olivier Martin", Label::Per), ("Lyon", Label::Loc)]
        ),
        vec![who("Olivier Martin")]
    );
    // a role bound to nobody does not go to a place
    assert_eq!(
        speakers_with(
            "La France a été frappée par des violences. Le ministre affirme que « les casseurs seront poursuivis sans relâche » .",
            &[("France", Label::Loc)]
        ),
        vec![None]
    );
}

#[test]
fn a_name_after_a_preposition_before_a_colon_is_not_the_poster() {
    assert_eq!(
        speakers_with(
            "Le gardien du club, Marc Petit, a publié un message à son coéquipier après Paul Durand : « Bonne chance pour la suite, mon ami, tu vas nous manquer » .",
            &[("Marc Petit", Label::Per), ("Paul Durand", Label::Per)]
        ),
        vec![who("Marc Petit")]
    );
}

#[test]
fn comme_with_the_object_pronoun_after_a_quote_is_its_cue() {
    assert_eq!(
        speakers_with(
            "Le collectif exige « deux milliards d’euros tout de suite et sans conditions » , comme l'a lancé un de ses porte-paroles, Olivier Goudet . La ministre refuse « de céder à la facilité une fois de plus » , comme l’a déclaré Marie Dupont mardi.",
            &[("Olivier Goudet", Label::Per), ("Marie Dupont", Label::Per)]
        ),
        vec![who("Olivier Goudet"), who("Marie Dupont")]
    );
}

#[test]
fn an_incidental_phrase_or_adverb_inside_the_verb_after_a_quote() {
    assert_eq!(
        speakers_with(
            "« Nous sommes face à un niveau de menace très élevé » , a pour sa part déclaré le Premier ministre Bernard Cazeneuve , en déplacement dans la Creuse .\n\n« Une opération a bien été menée ce matin par la police » , a juste indiqué Laurent de Caigny , procureur de Charleville-Mézières.",
            &[
                ("Bernard Cazeneuve", Label::Per),
                ("Laurent de Caigny", Label::Per),
                ("Creuse", Label::Loc),
                ("Charleville-Mézières", Label::Loc)
            ]
        ),
        vec![who("Bernard Cazeneuve"), who("Laurent de Caigny")]
    );
}

#[test]
fn reporting_verbs_of_news_copy_after_a_quote() {
    assert_eq!(
        speakers_with(
            "L'Élysée a rendu hommage à l'ancien ministre. « Il était un grand réformateur et un grand républicain » , a salué pour sa part le Premier ministre Manuel Valls sur Twitter . « Ce qui est remarquable, c'est que les modèles sont ici en mesure d'expliquer les résultats » , s'enthousiasme Federico Garcia au vu des progrès.",
            &[
                ("Élysée", Label::Org),
                ("Manuel Valls", Label::Per),
                ("Twitter", Label::Org),
                ("Federico Garcia", Label::Per)
            ]
        ),
        vec![who("Manuel Valls"), who("Federico Garcia")]
    );
}

#[test]
fn selon_ce_qu_a_dit_x_names_x() {
    assert_eq!(
        speakers_with(
            "Paul Roux était venu dans le Gard pour suivre une formation. « Il nous avait raconté qu'il s'était fait arrêter à l'aéroport » , selon ce qu'a confié Rodrigue, ami de Paul Roux.",
            &[
                ("Paul Roux", Label::Per),
                ("Rodrigue", Label::Per),
                ("Gard", Label::Loc)
            ]
        ),
        vec![who("Rodrigue")]
    );
}

#[test]
fn ce_dernier_is_the_person_named_last() {
    // the subject "Ce dernier", and the pronoun after the quote standing for it
    assert_eq!(
        speakers_with(
            "Le jeune homme logeait chez une connaissance, Mohammed Kaci. Ce dernier n'était pas au courant du projet : « je l'avais laissé ici deux ou trois jours, il devait partir mercredi » , déclare-t-il.",
            &[("Mohammed Kaci", Label::Per)]
        ),
        vec![who("Mohammed Kaci")]
    );
    assert_eq!(
        speakers_with(
            "C'est Joseph Butore, vice-président du Burundi, qui représente le pays au sommet du COMESA à Madagascar. Ce dernier indique vouloir « échanger sur la situation actuelle du Burundi avec ses voisins » .",
            &[
                ("Joseph Butore", Label::Per),
                ("Burundi", Label::Loc),
                ("COMESA", Label::Org),
                ("Madagascar", Label::Loc)
            ]
        ),
        vec![who("Joseph Butore")]
    );
}

#[test]
fn a_name_before_a_reflexive_verb_opening_the_quote() {
    assert_eq!(
        speakers_with(
            "Une source proche du dossier précise que « ce supplétif ne concerne pas seulement Mme Roux » tandis que son avocat Pierre Cornut-Gentille s’ « indigne des fuites dans la presse » .",
            &[("Pierre Cornut-Gentille", Label::Per), ("Roux", Label::Per)]
        )[1],
        who("Pierre Cornut-Gentille")
    );
    // after "que", the name is the subject of the words reported
    assert_eq!(
        speakers_with(
            "Karim Benzema avait déclaré dans le Marca que Didier Deschamps « avait cédé à la pression raciste d'une partie du pays » .",
            &[
                ("Karim Benzema", Label::Per),
                ("Didier Deschamps", Label::Per),
                ("Marca", Label::Org)
            ]
        ),
        vec![who("Karim Benzema")]
    );
}

#[test]
fn a_date_or_a_phrase_of_time_is_not_the_subject() {
    assert_eq!(
        speakers_with(
            "Avant le chant, François a salué les Justes. En raison de son silence, il s'était expliqué en avance le 26 juin 2016 pendant son retour d'Albanie : « Je voudrais aller dans ce lieu d'horreur sans discours, sans personne » .\n\nLe pape François au cours de son enseignement a exhorté les jeunes pèlerins à « ne pas vivre repliés et passifs mais au contraire à ouvrir leur cœur » .",
            &[("François", Label::Per), ("Albanie", Label::Loc)]
        ),
        vec![who("François"), who("pape François")]
    );
}

#[test]
fn a_body_named_again_by_its_first_noun() {
    assert_eq!(
        speakers_with(
            "Les réseaux suivent la recommandation de l'Autorité de régulation professionnelle de la publicité émise en juin. L'autorité avait demandé à l'association de préciser les « études venant à l’appui de ces allégations » .",
            &[(
                "Autorité de régulation professionnelle de la publicité",
                Label::Org
            )]
        ),
        vec![who(
            "Autorité de régulation professionnelle de la publicité"
        )]
    );
    // one letter ("l'hépatite C") names no body
    assert_eq!(
        speakers_with(
            "La présidente de Médecins du monde a parlé. Par ailleurs, l'association cite l'exemple du traitement contre l'hépatite C et annonce un traitement « vendu 41 000 euros par patient alors qu’il ne coûterait que 100 euros » .",
            &[("Médecins du monde", Label::Org), ("C", Label::Org)]
        ),
        vec![None]
    );
}

#[test]
fn an_indefinite_description_or_a_people_names_no_one() {
    assert_eq!(
        speakers_with(
            "Vers 16h15, des manifestants passent. « Ah ben non faut pas pousser comme ça » , maugrée un Gilet jaune.",
            &[("Gilet jaune", Label::Misc)]
        ),
        vec![None]
    );
}

#[test]
fn a_recognised_name_runs_through_its_lowercase_words_as_a_clause_subject() {
    assert_eq!(
        speakers_with(
            "La Corée du Sud parle d'un « montage » et exige que les provocations de Pyongyang cessent.",
            &[("Corée du Sud", Label::Loc), ("Pyongyang", Label::Loc)]
        ),
        vec![who("Corée du Sud")]
    );
}

#[test]
fn the_agent_of_a_passive_after_the_quote_said_it() {
    assert_eq!(
        speakers_with(
            "Une confrontation entre le député Paul Dord et le ministre Jean Roux avait attiré l'attention sur la réplique ironique « C'est pas de votre faute ! » lancée par le député.",
            &[("Paul Dord", Label::Per), ("Jean Roux", Label::Per)]
        ),
        vec![who("Paul Dord")]
    );
    assert_eq!(
        speakers_with(
            "Figure du déchiffrage du génome, il est décrit comme un « grand homme de sciences, un leader visionnaire » par Mike Stratton, directeur de l'institut.",
            &[("Mike Stratton", Label::Per)]
        ),
        vec![who("Mike Stratton")]
    );
}

#[test]
fn a_signature_line_below_the_quote_names_its_speaker() {
    assert_eq!(
        speakers_with(
            "Un responsable a parlé à la presse.\n\n« Nous avons été en contact avec les Iraniens qui nous ont assuré qu'ils étaient en sécurité »\n\n— Jennifer Psaki , directrice de la communication de la Maison-Blanche\n\n« Nous le regrettons pour tous nos lecteurs fidèles »\n\n— Paul Roux et Marie Genton, au nom de la Société des journalistes\n\nLa suite demain.",
            &[
                ("Jennifer Psaki", Label::Per),
                ("Maison-Blanche", Label::Org),
                ("Paul Roux", Label::Per),
                ("Marie Genton", Label::Per),
                ("Société des journalistes", Label::Org)
            ]
        ),
        vec![who("Jennifer Psaki"), who("Société des journalistes")]
    );
}

#[test]
fn a_signature_line_credits_a_partial_quote_ending_the_paragraph_above() {
    assert_eq!(
        speakers_with(
            "Le prix a été décerné à Oliver Hart et à Bengt Holmström « pour leur contribution à la théorie des contrats » .\n\n— Académie royale des sciences de Suède\n\nLe comité explique sa décision.",
            &[
                ("Oliver Hart", Label::Per),
                ("Bengt Holmström", Label::Per),
                ("Académie royale des sciences de Suède", Label::Org)
            ]
        ),
        vec![who("Académie royale des sciences de Suède")]
    );
}

#[test]
fn a_reflexive_opening_the_sentence_is_no_speaker() {
    // "Se disant « … », X a estimé": the participle's subject is the main
    // clause's, never the capitalised "Se"
    let s = speakers(
        "La Cour d'appel rendra son arrêt le 8 juillet prochain.\n\nSe disant « confiant » en l'arrêt de la Cour d'appel, le conseil a estimé qu'une double tutelle « serait une décision raisonnable » .",
    );
    assert_eq!(s.len(), 2);
    assert_ne!(s[0].as_deref(), Some("Se"));
    assert_eq!(s[0], s[1]);
}

#[test]
fn a_report_speaks_for_the_body_in_its_complement_past_an_article() {
    assert_eq!(
        speakers_with(
            "Des critiques faisaient état d'un manque d'effectifs. Un rapport de l'IGPN, publié le 27 juillet, assurait au contraire que « le service d'ordre n'était pas sous-dimensionné » .",
            &[("IGPN", Label::Org)]
        ),
        vec![who("IGPN")]
    );
}

#[test]
fn an_unnamed_spokesperson_of_a_body_named_after_its_kind_is_no_one() {
    // GUIDELINES: "la porte-parole de la fédération" never named has no
    // speaker; the body's name after its kind noun does not make one
    assert_eq!(
        speakers_with(
            "Un porte-parole du collectif Indecline a expliqué au Washington Post que « cette exposition sauvage a été inspirée par un conte » .",
            &[("Indecline", Label::Org), ("Washington Post", Label::Org)]
        ),
        vec![None]
    );
    // a person named after the party is who speaks
    assert_eq!(
        speakers_with(
            "Le premier secrétaire du parti Jean-Christophe Cambadélis avait pourtant affirmé qu' « ils étaient encore 120 000 militants » .",
            &[("Jean-Christophe Cambadélis", Label::Org)]
        ),
        vec![who("Jean-Christophe Cambadélis")]
    );
}

#[test]
fn a_relative_after_an_apposition_is_the_named_person_speaking() {
    assert_eq!(
        speakers_with(
            "« Le cortège a essuyé des tirs » , selon Mario Joseph , l'un de ses avocats, qui précise que « les tirs ont visé la portière arrière où se trouvait M. Aristide » .",
            &[("Mario Joseph", Label::Per), ("Aristide", Label::Per)]
        ),
        vec![who("Mario Joseph"), who("Mario Joseph")]
    );
}

#[test]
fn a_stray_comma_between_subject_and_verb_keeps_the_subject() {
    assert_eq!(
        speakers_with(
            "Vers 23h56, le président américain Donald Trump, a commenté par tweet le moratoire d'Edouard Philippe : « L’accord de Paris est mauvais car il provoque une hausse des prix » .",
            &[
                ("Donald Trump", Label::Per),
                ("Edouard Philippe", Label::Per),
                ("Paris", Label::Loc)
            ]
        ),
        vec![who("Donald Trump")]
    );
    // an apposition between commas is no subject
    assert_eq!(
        speakers_with(
            "Mary Lou McDonald , chef du parti politique Sinn Féin , a déclaré : « Nous sommes solidaires de ceux qui luttent » .",
            &[("Mary Lou McDonald", Label::Per), ("Sinn Féin", Label::Org)]
        ),
        vec![who("Mary Lou McDonald")]
    );
}

#[test]
fn an_unclosed_apposition_without_article_leaves_the_name_speaking() {
    assert_eq!(
        speakers_with(
            "Le 22 octobre 2016, Gaston Sindimwo , premier vice-président du Burundi a réagi plutôt vivement à l'annonce européenne :\n\n« C’est un geste qui est dans la continuité de la déstabilisation du pays »",
            &[("Gaston Sindimwo", Label::Per), ("Burundi", Label::Loc)]
        ),
        vec![who("Gaston Sindimwo")]
    );
}

#[test]
fn a_party_after_a_role_in_apposition_is_not_the_speaker() {
    assert_eq!(
        speakers_with(
            "Vers 9h00, François Ruffin, député La France insoumise a affirmé qu'il y a « une rage qui traverse le pays, il faut que le président le comprenne » .",
            &[
                ("François Ruffin", Label::Per),
                ("La France insoumise", Label::Org)
            ]
        ),
        vec![who("François Ruffin")]
    );
}

#[test]
fn a_body_speaking_through_someone_gives_them_the_quote() {
    assert_eq!(
        speakers_with(
            "Le Rwanda a rapidement répondu par la voix du lieutenant-colonel René Ngendahimana, porte-parole de l'armée rwandaise : « Le Rwanda n’a aucun intérêt à voir mourir cet homme » .",
            &[("Rwanda", Label::Loc), ("René Ngendahimana", Label::Per)]
        ),
        vec![who("René Ngendahimana")]
    );
}

#[test]
fn a_date_completing_the_subject_is_passed_over() {
    assert_eq!(
        speakers_with(
            "Le Canard enchaîné de ce 22 mars ajoute par ailleurs que le couple a « carrément signé une fausse déclaration » .",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
}

#[test]
fn an_attribute_after_comme_is_not_the_subject() {
    // "celui qui est considéré comme le chef du groupe": someone only
    // described, not the minister named before
    assert_eq!(
        speakers_with(
            "Le ministre Marco Minniti a salué l'opération. Pour sa part, celui qui est considéré comme le chef du groupe avait affirmé que « si je prête serment demain, je suis obligé de le faire » .",
            &[("Marco Minniti", Label::Per)]
        ),
        vec![None]
    );
}

#[test]
fn a_person_in_apposition_inside_the_subject_phrase_speaks() {
    assert_eq!(
        speakers_with(
            "Les incidents ont eu lieu dans le quartier du Franc Moisin. La ministre de l’Éducation Najat Vallaud-Belkacem a estimé sur BFMTV qu' « une digue semble avoir sauté avec l'introduction de la violence » .",
            &[
                ("Franc Moisin", Label::Loc),
                ("Éducation", Label::Org),
                ("Najat Vallaud-Belkacem", Label::Per),
                ("BFMTV", Label::Org)
            ]
        ),
        vec![who("Najat Vallaud-Belkacem")]
    );
    // past an apposition holding another name and a relative clause
    assert_eq!(
        speakers_with(
            "Brian Teefey, beau-père de la chanteuse Selena Gomez , qui a été le manager de Christina, a ouvert une cagnotte en ligne, déclarant au magazine People : « Je n'ai pas de mots pour décrire la douleur que je ressens » .",
            &[
                ("Brian Teefey", Label::Per),
                ("Selena Gomez", Label::Per),
                ("Christina", Label::Per),
                ("People", Label::Org)
            ]
        ),
        vec![who("Brian Teefey")]
    );
}

#[test]
fn an_acronym_spelled_out_in_brackets_after_it_goes_by_its_name() {
    assert_eq!(
        speakers_with(
            "Le SNJ (Syndicat national des journalistes) exige « d’entendre de vive voix les explications » de la direction. La Fnsea (Fédération nationale des syndicats d’exploitants agricoles) a communiqué que « si les agriculteurs expriment leur colère, ce ne sera pas à Paris » .",
            &[
                ("SNJ", Label::Org),
                ("Syndicat national des journalistes", Label::Org),
                ("Fnsea", Label::Org),
                ("Paris", Label::Loc)
            ]
        ),
        vec![
            who("Syndicat national des journalistes"),
            who("Fédération nationale des syndicats d’exploitants agricoles")
        ]
    );
}

#[test]
fn an_acronym_goes_by_the_name_the_article_spelled_out_without_brackets() {
    // GUIDELINES.md: "OMS" is the Organisation mondiale de la santé once the
    // article has spelled it out; an office speaks for the body it names
    assert_eq!(
        speakers_with(
            "L'Organisation mondiale de la santé s'inquiète de l'épidémie. « Nous manquons de vaccins dans toute la région » , a déclaré l'OMS. Un hôpital tenu par Médecins sans frontières a été touché. « Huit personnes sont portées disparues après les frappes » a affirmé le bureau de MSF à Beyrouth.",
            &[
                ("Organisation mondiale de la santé", Label::Org),
                ("OMS", Label::Org),
                ("Médecins sans frontières", Label::Org),
                ("MSF", Label::Org),
                ("Beyrouth", Label::Loc)
            ]
        ),
        vec![
            who("Organisation mondiale de la santé"),
            who("Médecins sans frontières")
        ]
    );
    // two bodies with the same initials: the acronym names neither
    assert_eq!(
        speakers_with(
            "Le Parti socialiste et la Plateforme syndicale se sont réunis. « Nous ne signerons pas cet accord en l'état » , a déclaré le PS.",
            &[
                ("Parti socialiste", Label::Org),
                ("Plateforme syndicale", Label::Org),
                ("PS", Label::Org)
            ]
        ),
        vec![who("PS")]
    );
}

#[test]
fn an_unclosed_apposition_ending_on_a_place_leaves_the_name_speaking() {
    assert_eq!(
        speakers_with(
            "Vers 19h15, Laetitia Dewalle, porte-parole des Gilets jaunes du Val d'Oise affirme qu'à ce jour il n'y aura « pas de liste aux européennes » .",
            &[
                ("Laetitia Dewalle", Label::Per),
                ("Gilets jaunes", Label::Org),
                ("Val d'Oise", Label::Loc)
            ]
        ),
        vec![who("Laetitia Dewalle")]
    );
}

#[test]
fn a_phrase_of_manner_after_the_time_opens_the_sentence() {
    assert_eq!(
        speakers_with(
            "Vers 10h00, avec un badge des Gilets jaunes accroché au revers de sa veste, Nicolas Dupont-Aignan a présenté ses vœux à Auxerre : « quelles que soient leur origine sociale, leur appartenance politique » .",
            &[
                ("Gilets jaunes", Label::Org),
                ("Nicolas Dupont-Aignan", Label::Per),
                ("Auxerre", Label::Loc)
            ]
        ),
        vec![who("Nicolas Dupont-Aignan")]
    );
    // a demonstrative opening a sentence is no name
    assert_eq!(
        speakers(
            "Cet avis pourrait induire la responsabilité d'une entreprise. Ceci, afin de « redéfinir la hiérarchie des normes en vigueur » ."
        ),
        vec![None]
    );
}

#[test]
fn faire_is_no_speech_verb_without_its_completion() {
    assert_eq!(
        speakers_with(
            "Vers 14h45, Francis Palombi, président de la Confédération des commerçants de France a affirmé que le mouvement a fait baisser le chiffre d'affaires entre « 40 % et 70 % selon les corporations » .",
            &[
                ("Francis Palombi", Label::Per),
                ("Confédération des commerçants de France", Label::Org)
            ]
        ),
        vec![who("Francis Palombi")]
    );
}

#[test]
fn a_passive_in_the_next_sentence_names_no_one_for_the_quote() {
    assert_eq!(
        speakers_with(
            "« C’est un film qui ose le silence », a souligné la présidente du jury, l’actrice Hélène Vandamme. « Nous avons été unanimes dès la première projection. »\n\nInterrogée par l’AFP après la cérémonie, la réalisatrice a parlé.",
            &[("Hélène Vandamme", Label::Per), ("AFP", Label::Org)]
        ),
        vec![who("Hélène Vandamme"), who("Hélène Vandamme")]
    );
}

#[test]
fn a_document_named_again_speaks_for_who_published_it() {
    assert_eq!(
        speakers_with(
            "Le zoo d'Amnéville a annoncé la naissance d'un rhinocéros dans un communiqué. Ces espèces sont menacées, rappelle le communiqué : « Chaque jour quatre rhinocéros sont tués dans la nature » .",
            &[("zoo d'Amnéville", Label::Org)]
        ),
        vec![who("zoo d'Amnéville")]
    );
    // a translated acronym's name in brackets, and a sovereign's title
    assert_eq!(
        speakers_with(
            "Le résultat définitif sera annoncé dans « onze ou douze jours au plus tard » , d'après les informations du YSK (Haut-Conseil électoral).",
            &[("YSK", Label::Org), ("Haut-Conseil électoral", Label::Org)]
        ),
        vec![who("Haut-Conseil électoral")]
    );
}

#[test]
fn a_crowd_s_slogans_have_no_speaker() {
    assert_eq!(
        speakers_with(
            "Vers 19h40, sur les Champs-Élysées, un groupe de Gilets jaunes a chanté : « Au revoir Benalla » .\n\nVers 23h00, sur les Champs-Élysées, des Gilets jaunes ont distribué des ballons en criant « Macron démission » .",
            &[
                ("Champs-Élysées", Label::Loc),
                ("Gilets jaunes", Label::Org),
                ("Benalla", Label::Per),
                ("Macron", Label::Per)
            ]
        ),
        vec![None, None]
    );
}

#[test]
fn a_participle_after_the_quote_takes_no_subject_after_it() {
    // "décidé" is no speech verb; the participle further on has an object
    // after it, not a subject
    assert_eq!(
        speakers_with(
            "Le Conseil d'Etat a décidé qu' « une sélection ne peut être mise en place pour l'accès aux formations de master » , garantissant à tout diplômé le droit de poursuivre ses études.",
            &[("Conseil d'Etat", Label::Org)]
        ),
        vec![who("Conseil d'Etat")]
    );
}

#[test]
fn a_quote_after_a_sentence_takes_its_subject_past_an_opening_adverbial() {
    assert_eq!(
        speakers_with(
            "Vers 9h30, Eric Drouet a appelé les manifestants à rejoindre le périphérique samedi. « Si un monument est pris pour cible, nous ne serons pas responsables » .",
            &[("Eric Drouet", Label::Per)]
        ),
        vec![who("Eric Drouet")]
    );
}

#[test]
fn a_pronoun_agrees_with_first_names_of_world_news() {
    assert_eq!(
        speakers_with(
            "Mme Bareigts a présenté des excuses aux Guyanais. Matthias Fekl l'accompagnait. « Toutes mes excuses au peuple guyanais » , a-t-elle ainsi concédé.",
            &[("Bareigts", Label::Per), ("Matthias Fekl", Label::Per)]
        ),
        vec![who("Bareigts")]
    );
}

#[test]
fn role_nouns_of_news_stand_for_the_person_in_focus() {
    assert_eq!(
        speakers_with(
            "Arthur Mensch, le patron de Mistral AI, a présenté le nouveau modèle. « C'est une étape majeure pour nous et pour l'Europe », a expliqué l'entrepreneur. Interrogé sur la concurrence américaine, ce dernier a estimé qu'« il y a de la place pour plusieurs acteurs sur ce marché ».",
            &[("Arthur Mensch", Label::Per), ("Mistral AI", Label::Org)]
        ),
        vec![who("Arthur Mensch"), who("Arthur Mensch")]
    );
    assert_eq!(
        speakers_with(
            "Dans une lettre adressée aux élus, le maire de Marseille Benoît Payan dénonce « un abandon pur et simple de l'Etat ». « Marseille ne peut plus attendre des années », écrit l'édile.",
            &[("Marseille", Label::Loc), ("Benoît Payan", Label::Per)]
        ),
        vec![who("Benoît Payan"), who("Benoît Payan")]
    );
    // the subject in focus, not the last person named
    assert_eq!(
        speakers_with(
            "Majlinda Kelmendi a battu l'Italienne Odette Giuffrida en finale. En trois ans, la kosovare n'a perdu qu'un combat.\n\n« J'avais tant rêvé de ce moment, c'est la première fois que le Kosovo vient aux Jeux » a déclaré la championne.",
            &[
                ("Majlinda Kelmendi", Label::Per),
                ("Odette Giuffrida", Label::Per),
                ("Kosovo", Label::Loc)
            ]
        ),
        vec![who("Majlinda Kelmendi")]
    );
}

#[test]
fn an_inverted_subject_past_a_time_or_circumstance() {
    assert_eq!(
        speakers_with(
            "« Le dialogue est rompu », a regretté après la réunion Sophie Binet, secrétaire générale de la CGT. « La situation est sous contrôle », a déclaré lors d'une conférence de presse le préfet de police Laurent Nuñez.",
            &[
                ("Sophie Binet", Label::Per),
                ("CGT", Label::Org),
                ("Laurent Nuñez", Label::Per)
            ]
        ),
        vec![who("Sophie Binet"), who("Laurent Nuñez")]
    );
    // a complement of the circumstance is no subject
    assert_eq!(
        speakers_with(
            "Le pape s'était expliqué pendant son retour d'Albanie : « Je voudrais aller dans ce lieu d'horreur sans discours ».",
            &[("Albanie", Label::Loc)]
        ),
        vec![None]
    );
}

#[test]
fn an_acronym_of_a_common_noun_stands_for_the_body_in_focus() {
    assert_eq!(
        speakers_with(
            "Greenpeace accuse le groupe TotalEnergies de « greenwashing à grande échelle ». L'ONG réclame « l'arrêt immédiat de tous les nouveaux projets fossiles ».",
            &[("Greenpeace", Label::Org), ("TotalEnergies", Label::Org)]
        ),
        vec![who("Greenpeace"), who("Greenpeace")]
    );
}

#[test]
fn a_body_named_with_its_article_and_a_role_by_nationality() {
    assert_eq!(
        speakers_with(
            "Le Syndicat national des journalistes (SNJ) a dénoncé « une atteinte grave à la liberté de la presse ».",
            &[
                ("Syndicat national des journalistes", Label::Org),
                ("SNJ", Label::Org)
            ]
        ),
        vec![who("Syndicat national des journalistes")]
    );
    assert_eq!(
        speakers_with(
            "Le président russe Vladimir Poutine a reçu jeudi son homologue turc Recep Tayyip Erdogan au Kremlin. « Nos relations n'ont jamais été aussi bonnes », s'est félicité le chef du Kremlin. Le dirigeant turc a de son côté appelé à « un cessez-le-feu durable en Syrie ».",
            &[
                ("Vladimir Poutine", Label::Per),
                ("Recep Tayyip Erdogan", Label::Per),
                ("Kremlin", Label::Loc),
                ("Syrie", Label::Loc)
            ]
        ),
        vec![who("Vladimir Poutine"), who("Recep Tayyip Erdogan")]
    );
}

#[test]
fn a_party_between_a_role_and_a_name_is_not_the_speaker() {
    assert_eq!(
        speakers_with(
            "« Ce budget est injuste », a lancé le député LFI Eric Coquerel.",
            &[("LFI", Label::Org), ("Eric Coquerel", Label::Per)]
        ),
        vec![who("Eric Coquerel")]
    );
}

#[test]
fn the_head_of_government_and_of_state_are_the_roles_they_name() {
    assert_eq!(
        speakers_with(
            "Le Premier ministre Michel Barnier a défendu son budget devant les députés. « Ce budget est injuste », a lancé le député Eric Coquerel. « Nous ne reculerons pas », a répondu le chef du gouvernement.",
            &[
                ("Michel Barnier", Label::Per),
                ("Eric Coquerel", Label::Per)
            ]
        ),
        vec![who("Eric Coquerel"), who("Michel Barnier")]
    );
    assert_eq!(
        speakers_with(
            "Le président Emmanuel Macron s'est rendu à Marseille. Le maire Benoît Payan l'a accueilli. « Nous sommes là pour aider », a assuré le chef de l'Etat.",
            &[
                ("Emmanuel Macron", Label::Per),
                ("Marseille", Label::Loc),
                ("Benoît Payan", Label::Per)
            ]
        ),
        vec![who("Emmanuel Macron")]
    );
}

#[test]
fn a_quote_in_a_relative_clause_belongs_to_the_name_it_follows() {
    assert_eq!(
        speakers_with(
            "La mesure a fait vivement réagir Le Canard enchaîné qui y voit un « beau cadeau au monde des affaires ».",
            &[("Le Canard enchaîné", Label::Org)]
        ),
        vec![who("Le Canard enchaîné")]
    );
    // a prize named after someone is no one
    assert_eq!(
        speakers_with(
            "Willy Kaneza a reçu le Prix Peter Mackler qui récompense chaque année un « journalisme courageux et éthique ».",
            &[("Willy Kaneza", Label::Per), ("Peter Mackler", Label::Per)]
        ),
        vec![who("Willy Kaneza")]
    );
}

#[test]
fn a_pronoun_after_a_source_only_described_names_no_one() {
    // the earlier minister is not the resident who speaks again
    assert_eq!(
        speakers_with(
            "Gérald Darmanin s'est rendu mardi à Marseille. « On a peur de sortir le soir, c'est devenu invivable », a confié un habitant. « Personne ne nous écoute depuis des années », a-t-il ajouté.",
            &[("Gérald Darmanin", Label::Per), ("Marseille", Label::Loc)]
        ),
        vec![None, None]
    );
    assert_eq!(
        speakers_with(
            "Anne Hidalgo a inauguré le parc. Une riveraine s'est dite « très déçue par ce projet qui ne change rien ». Selon elle, « le quartier mérite beaucoup mieux que cela ».",
            &[("Anne Hidalgo", Label::Per)]
        ),
        vec![None, None]
    );
    // a named speaker is still found through the same pronoun
    assert_eq!(
        speakers_with(
            "Anne Hidalgo a inauguré le parc. La maire s'est dite « très fière de ce projet qui change tout ». Selon elle, « le quartier méritait beaucoup mieux ».",
            &[("Anne Hidalgo", Label::Per)]
        ),
        vec![who("Anne Hidalgo"), who("Anne Hidalgo")]
    );
}

#[test]
fn a_regnal_title_alone_is_the_person_it_named() {
    assert_eq!(
        speakers_with(
            "Le pape François a exhorté les jeunes à « ne pas vivre repliés sur eux-mêmes ». Le pape les a encouragés : « Le monde vous demande d'être des protagonistes de l'histoire ».",
            &[("François", Label::Per)]
        ),
        vec![who("pape François"), who("pape François")]
    );
    assert_eq!(
        speakers_with(
            "Le roi Charles III a reçu le président. « Nos deux pays sont unis par une longue amitié », a déclaré le roi.",
            &[("Charles III", Label::Per)]
        ),
        vec![who("Charles III")]
    );
}

#[test]
fn a_spokesperson_of_a_body_never_named_is_no_one() {
    // the whole phrase, through its complements, is the subject: not the
    // body nor the place at its end
    assert_eq!(
        speakers_with(
            "Un porte-parole de la police de Londres a indiqué : « Nous ne pouvons pas confirmer ces informations. »",
            &[("Londres", Label::Loc)]
        ),
        vec![None]
    );
    assert_eq!(
        speakers_with(
            "Une porte-parole du Department of Parks and Recreation a déclaré que « l'érection d'une structure non autorisée est illégale ».",
            &[("Department of Parks and Recreation", Label::Org)]
        ),
        vec![None]
    );
    // named in apposition, the person speaks
    assert_eq!(
        speakers_with(
            "Le chef de la police de Londres, Mark Rowley, a indiqué : « Nous ne pouvons pas confirmer ces informations. »",
            &[("Londres", Label::Loc), ("Mark Rowley", Label::Per)]
        ),
        vec![who("Mark Rowley")]
    );
}

#[test]
fn two_people_named_together_speak_together() {
    assert_eq!(
        speakers_with(
            "Agnès Buzyn et Gérald Darmanin ont annoncé mardi un déficit de 5,1 milliards. Les deux ministres soulignent qu'il s'agit « du plus faible déficit enregistré depuis quinze ans ».",
            &[("Agnès Buzyn", Label::Per), ("Gérald Darmanin", Label::Per)]
        )
        .last()
        .cloned()
        .flatten(),
        who("Agnès Buzyn et Gérald Darmanin")
    );
    assert_eq!(
        speakers_with(
            "Le ministre Bruno Le Maire et la présidente de la BCE Christine Lagarde ont déjeuné ensemble. « Nous sommes d'accord sur l'essentiel », ont-ils affirmé.",
            &[
                ("Bruno Le Maire", Label::Per),
                ("BCE", Label::Org),
                ("Christine Lagarde", Label::Per)
            ]
        ),
        vec![who("Bruno Le Maire et Christine Lagarde")]
    );
    // a guest received is not a co-speaker of "ils"
    assert_eq!(
        speakers_with(
            "Emmanuel Macron a reçu Olaf Scholz à l'Elysée. « Nous avons une responsabilité commune envers l'Europe », ont-ils déclaré.",
            &[
                ("Emmanuel Macron", Label::Per),
                ("Olaf Scholz", Label::Per),
                ("Elysée", Label::Loc)
            ]
        ),
        vec![None]
    );
    // but "les deux dirigeants" names the two of them
    assert_eq!(
        speakers_with(
            "Emmanuel Macron a reçu Olaf Scholz à l'Elysée. « Nous avons une responsabilité commune envers l'Europe », ont déclaré les deux dirigeants.",
            &[
                ("Emmanuel Macron", Label::Per),
                ("Olaf Scholz", Label::Per),
                ("Elysée", Label::Loc)
            ]
        ),
        vec![who("Emmanuel Macron et Olaf Scholz")]
    );
}

#[test]
fn a_document_named_again_is_its_author_in_focus() {
    assert_eq!(
        speakers_with(
            "La Cour des comptes a publié mardi son rapport annuel. Le document pointe « une dégradation continue des conditions de travail dans les hôpitaux ».",
            &[("Cour des comptes", Label::Org)]
        ),
        vec![who("Cour des comptes")]
    );
    assert_eq!(
        speakers_with(
            "L'Unesco a adopté mardi une résolution sur Jérusalem. Ce texte « rappelle que toutes les mesures prises par Israël sont nulles et non avenues ».",
            &[
                ("Unesco", Label::Org),
                ("Jérusalem", Label::Loc),
                ("Israël", Label::Loc)
            ]
        ),
        vec![who("Unesco")]
    );
}

#[test]
fn one_who_speaks_for_another_is_not_the_person_in_focus() {
    assert_eq!(
        speakers_with(
            "Emmanuel Macron s'est rendu à Lyon. « Nous ne céderons rien sur la sécurité », a déclaré le porte-parole du gouvernement.",
            &[("Emmanuel Macron", Label::Per), ("Lyon", Label::Loc)]
        ),
        vec![None]
    );
    assert_eq!(
        speakers_with(
            "Le juge Marc Trévidic a rencontré les familles. Selon l'avocat des familles, « les victimes attendent des réponses depuis des années ».",
            &[("Marc Trévidic", Label::Per)]
        ),
        vec![None]
    );
    // named in apposition past the role's complement, the spokesman is bound
    assert_eq!(
        speakers_with(
            "L'ancien porte-parole de la mission onusienne en Syrie, Timor Goksel, a parlé. Les rebelles accusent le Front Nusrat. Mais l'ancien porte-parole de la mission onusienne en Syrie estime que « les combattants peuvent agir de manière débridée ».",
            &[
                ("Syrie", Label::Loc),
                ("Timor Goksel", Label::Per),
                ("Front Nusrat", Label::Org)
            ]
        ),
        vec![who("Timor Goksel")]
    );
}

#[test]
fn a_pronoun_finds_a_person_named_beside_a_subject_that_is_a_thing() {
    // the chain of "il" goes back to a sentence whose subject is a relay:
    // the runner named in it
    assert_eq!(
        speakers_with(
            "Ce relais était la dernière course olympique à laquelle Usain Bolt prenait part. Depuis 2008, il a remporté neuf médailles d'or. Il rejoint ainsi le Finlandais Paavo Nurmi et l'Américain Carl Lewis au palmarès. « Vous chantez mon nom, j'ai eu la chair de poule », a-t-il lancé.",
            &[
                ("Usain Bolt", Label::Per),
                ("Paavo Nurmi", Label::Per),
                ("Carl Lewis", Label::Per)
            ]
        ),
        vec![who("Usain Bolt")]
    );
    // a woman beside a man who is the subject
    assert_eq!(
        speakers_with(
            "Le ministre Jean Dupont a reçu Marie Martin mardi. « Nous avons beaucoup de travail devant nous », a-t-elle déclaré.",
            &[("Jean Dupont", Label::Per), ("Marie Martin", Label::Per)]
        ),
        vec![who("Marie Martin")]
    );
    // not a person in a complement ("une immobilisation sur Trstenjak")
    assert_eq!(
        speakers_with(
            "La Française Clarisse Agbegnenou affrontait la Slovène Tina Trstenjak en finale. La judokate française a tenté une immobilisation sur Trstenjak, mais a perdu. « J'ai vu une brèche mais ce n'est pas passé », a-t-elle regretté.",
            &[
                ("Clarisse Agbegnenou", Label::Per),
                ("Tina Trstenjak", Label::Per),
                ("Trstenjak", Label::Per)
            ]
        ),
        vec![who("Clarisse Agbegnenou")]
    );
}

#[test]
fn an_infinitive_adverbial_opening_a_sentence_is_not_its_subject() {
    assert_eq!(
        speakers_with(
            "François Bayrou renonce à se présenter. Après avoir qualifié le programme du candidat de la droite François Fillon de dangereux, il annonce une alliance. À ce titre, il affirme qu'« à droite, le dévoilement des affaires révèle une dérive ».",
            &[
                ("François Bayrou", Label::Per),
                ("François Fillon", Label::Per)
            ]
        ),
        vec![who("François Bayrou")]
    );
}

#[test]
fn a_long_opening_adverbial_without_a_verb_is_not_the_subject() {
    assert_eq!(
        speakers_with(
            "L'association Médecins du monde dénonce le prix des médicaments. Après s'être vu infliger le refus des réseaux publicitaires de la capitale, l'association a décidé de lancer un « dispositif de guérilla marketing dans toute la ville ».",
            &[("Médecins du monde", Label::Org)]
        ),
        vec![who("Médecins du monde")]
    );
    // a second adverbial after the comma is not a subject either
    assert_eq!(
        speakers_with(
            "À l'occasion de cet anniversaire d'une Union européenne en pleine crise, notamment à cause du Brexit, les chefs d'État se sont réunis à Rome, où six pays s'étaient engagés à « établir les fondements d'une union sans cesse plus étroite ».",
            &[
                ("Union européenne", Label::Org),
                ("Brexit", Label::Misc),
                ("Rome", Label::Loc)
            ]
        ),
        vec![None]
    );
}

#[test]
fn a_speech_noun_after_an_article_is_no_cue() {
    // "l'annonce" after "de" is a noun; the speaker is the subject after
    // the adverbial
    assert_eq!(
        speakers_with(
            "À la suite de l'annonce de la SDJ, la direction du groupe Canal + avait adressé un communiqué laconique : « Le communiqué de la SDJ met en cause la présomption d'innocence. »",
            &[("SDJ", Label::Org), ("Canal +", Label::Org)]
        ),
        vec![who("Canal +")]
    );
}

#[test]
fn a_pronoun_takes_the_subject_of_the_last_joined_clause() {
    assert_eq!(
        speakers_with(
            "Olha Kharlan finit par réagir et Manon Brunet flanche à nouveau, si près du podium. « J'ai pris les Jeux comme la plus belle compétition du monde », a-t-elle déclaré.",
            &[("Olha Kharlan", Label::Per), ("Manon Brunet", Label::Per)]
        ),
        vec![who("Manon Brunet")]
    );
}

#[test]
fn a_relative_after_a_thing_that_ends_on_a_name_is_that_person() {
    assert_eq!(
        speakers_with(
            "D'autres personnalités ont tenu à réagir. C'est entre autres le cas de Cyprien, qui commente « Ne nous mettez pas tous dans le même panier, les rumeurs nuisent ».",
            &[("Cyprien", Label::Per)]
        ),
        vec![who("Cyprien")]
    );
    // someone's lawyer is not that someone
    assert_eq!(
        speakers_with(
            "L'avocat de Jean Dupont, qui a dénoncé « une procédure totalement injuste et bâclée », a fait appel.",
            &[("Jean Dupont", Label::Per)]
        ),
        vec![None]
    );
}

#[test]
fn they_after_an_unnamed_group_name_no_one() {
    for group in [
        "Les syndicats",
        "Les élus locaux",
        "Les familles des victimes",
    ] {
        assert_eq!(
            speakers_with(
                &format!(
                    "La CGT a appelé à la grève mardi. {group} ont dénoncé la réforme. « Nous irons jusqu'au bout de ce combat », ont-ils prévenu."
                ),
                &[("CGT", Label::Org)]
            ),
            vec![None],
            "{group}"
        );
    }
    // a group described by the body it belongs to speaks for that body
    assert_eq!(
        speakers_with(
            "Les producteurs du film, réunis au sein de Sirocco Films SA, comptent sur ce prix. « Les acheteurs américains nous appellent vite », ont-ils indiqué dans un communiqué.",
            &[("Sirocco Films SA", Label::Org)]
        ),
        vec![who("Sirocco Films SA")]
    );
    // a body named as the subject is still theirs
    assert_eq!(
        speakers_with(
            "La CGT a appelé à la grève mardi. « Nous irons jusqu'au bout de ce combat », ont-ils prévenu.",
            &[("CGT", Label::Org)]
        ),
        vec![who("CGT")]
    );
}

#[test]
fn a_place_or_a_body_completing_a_noun_is_not_the_speaker() {
    // the noun's complement, not who speaks
    assert_eq!(
        speakers_with(
            "Un spécialiste de la France considère que le risque est limité.",
            &[("France", Label::Loc)]
        ),
        vec![None]
    );
    // the person the noun stands beside, even without a comma (and even
    // when the recogniser calls the place a body)
    assert_eq!(
        speakers_with(
            "Le politologue Filip Reyntjens spécialiste de l'Afrique des Grands Lacs considère que le risque génocidaire est limité au Burundi.",
            &[
                ("Filip Reyntjens", Label::Per),
                ("Afrique des Grands Lacs", Label::Org),
                ("Burundi", Label::Loc)
            ]
        ),
        vec![who("Filip Reyntjens")]
    );
    // a group of a body speaks for it; a relative clause's antecedent is the
    // body itself
    assert_eq!(
        speakers_with(
            "Les scientifiques de l'Université Yale rapportent qu'ils ont réussi à déclencher ce comportement.",
            &[("Université Yale", Label::Org)]
        ),
        vec![who("Université Yale")]
    );
    assert_eq!(
        speakers_with(
            "La demande est intervenue à l'initiative du CHRU de Reims qui souhaitait « déterminer un référent qui pourrait le représenter légalement ».",
            &[("CHRU de Reims", Label::Org)]
        ),
        vec![who("CHRU de Reims")]
    );
}

#[test]
fn the_focus_reaches_past_a_paragraph_of_one_sentence() {
    // wire copy sets one sentence per paragraph: the role two paragraphs on
    // is still the person named first, not one in a complement since
    assert_eq!(
        speakers_with(
            "Le politologue Filip Reyntjens juge que le risque génocidaire est limité au Burundi.\n\nL'escalade diplomatique avec le régime de Pierre Nkurunziza pouvait en effet laisser craindre un génocide.\n\nOr l'universitaire belge considère que la question ethnique est moins centrale.",
            &[
                ("Filip Reyntjens", Label::Per),
                ("Pierre Nkurunziza", Label::Per),
                ("Burundi", Label::Loc)
            ]
        ),
        vec![who("Filip Reyntjens"), who("Filip Reyntjens")]
    );
}

#[test]
fn words_of_someone_before_the_quote_are_theirs() {
    for text in [
        "Le Monde rapporte les propos de Jean Dupont : « Nous ne céderons rien à personne. »",
        "Marine Le Pen a dénoncé les propos du ministre Jean Dupont : « Nous ne céderons rien à personne. »",
    ] {
        assert_eq!(
            speakers_with(
                text,
                &[
                    ("Le Monde", Label::Org),
                    ("Marine Le Pen", Label::Per),
                    ("Jean Dupont", Label::Per)
                ]
            ),
            vec![who("Jean Dupont")],
            "{text}"
        );
    }
    // the words spoken by someone ("tenus par"), past a group noun
    assert_eq!(
        speakers_with(
            "Bruce Toussaint répète les propos tenus par le Gilet jaune Eric Drouet : « Samedi, c'est l'aboutissement final. »",
            &[("Bruce Toussaint", Label::Per), ("Eric Drouet", Label::Per)]
        ),
        vec![who("Eric Drouet")]
    );
    // a cue after the quote still names its speaker
    assert_eq!(
        speakers_with(
            "Marine Le Pen a dénoncé les propos de Jean Dupont : « C'est une honte », a-t-elle lancé.",
            &[("Marine Le Pen", Label::Per), ("Jean Dupont", Label::Per)]
        ),
        vec![who("Marine Le Pen")]
    );
}

#[test]
fn reporting_verbs_of_news_copy_are_cues() {
    for verb in [
        "s'agace",
        "tacle",
        "fulmine",
        "riposte",
        "soupire",
        "interpelle",
    ] {
        assert_eq!(
            speakers_with(
                &format!(
                    "Jean Dupont a rencontré Marie Martin, qui {verb} : « Nous ne céderons rien à personne. »"
                ),
                &[("Jean Dupont", Label::Per), ("Marie Martin", Label::Per)]
            ),
            vec![who("Marie Martin")],
            "{verb}"
        );
    }
}

#[test]
fn a_relative_clause_running_to_the_colon_is_its_antecedents() {
    for clause in [
        "a tenu à préciser",
        "n'a pas manqué de rappeler",
        "vit à Paris depuis dix ans",
    ] {
        assert_eq!(
            speakers_with(
                &format!(
                    "Jean Dupont a reçu hier Marie Martin, qui {clause} : « Nous ne céderons rien à personne. »"
                ),
                &[("Jean Dupont", Label::Per), ("Marie Martin", Label::Per)]
            ),
            vec![who("Marie Martin")],
            "{clause}"
        );
    }
}

#[test]
fn a_name_completing_a_noun_before_the_colon_is_not_the_speaker() {
    // "de la CE :" is a complement past its article, as "de CE :" is
    assert_eq!(
        speakers_with(
            "Matteo Salvini, le ministre de l'Intérieur, refuse de s'incliner devant la décision de la CE : « Nous écoutons tout le monde, mais nous ne revenons pas en arrière. »",
            &[("Matteo Salvini", Label::Per), ("CE", Label::Org)]
        ),
        vec![who("Matteo Salvini")]
    );
}

#[test]
fn an_infinitive_after_tenir_a_or_vouloir_is_the_cue() {
    // "a tenu à tempérer X" after the quote: the inverted subject speaks
    assert_eq!(
        speakers_with(
            "« Tous les travaux se font en concertation avec les architectes » , a cependant tenu à tempérer Jean-François Martins , adjoint à la mairie.",
            &[("Jean-François Martins", Label::Per)]
        ),
        vec![who("Jean-François Martins")]
    );
    assert_eq!(
        speakers_with(
            "Jean Dupont a reçu Marie Martin. Elle a voulu rappeler que le projet « ne sera jamais abandonné par la ville ».",
            &[("Jean Dupont", Label::Per), ("Marie Martin", Label::Per)]
        ),
        vec![who("Marie Martin")]
    );
}

#[test]
fn opening_clauses_of_time_and_participles_hold_no_speaker() {
    // "Ce matin," then a place: two opening adverbials before the subject
    assert_eq!(
        speakers_with(
            "Ce matin, à La Seyne-sur-Mer (Var), de son propre chef, l'afficheur Michel-Ange Flori a affiché le message suivant : « 150 euros de plus par mois par policier. Et nous ? »",
            &[
                ("La Seyne-sur-Mer", Label::Loc),
                ("Var", Label::Loc),
                ("Michel-Ange Flori", Label::Per)
            ]
        ),
        vec![who("Michel-Ange Flori")]
    );
    // a participial clause opening the sentence, with a cue of its own
    assert_eq!(
        speakers_with(
            "Michel-Ange Flori est afficheur. N'ayant pas apprécié la fausse information de BFMTV affirmant qu'il a été payé, il a rétabli la vérité en affichant : « Les syndicats de police vous souhaitent un bon enfumage. »",
            &[("Michel-Ange Flori", Label::Per), ("BFMTV", Label::Org)]
        ),
        vec![who("BFMTV"), who("Michel-Ange Flori")]
    );
}

#[test]
fn quoted_words_in_an_opening_phrase_do_not_lengthen_it() {
    // the opening phrase runs to its comma past the quoted names in it
    assert_eq!(
        speakers_with(
            "Face à la « France en colère » d'Eric Drouet « qui veut démolir la démocratie française », Jacline Mouraud veut créer son parti, « la seule chose envisageable ».",
            &[("Eric Drouet", Label::Per), ("Jacline Mouraud", Label::Per)]
        )
        .last()
        .cloned()
        .flatten(),
        who("Jacline Mouraud")
    );
    // "D'après," with a stray comma is still "d'après X"
    assert_eq!(
        speakers_with(
            "D'après, Jean Petaux, politologue à Sciences Po Bordeaux, ce « sont des antirépublicains et des gens dangereux ».",
            &[
                ("Jean Petaux", Label::Per),
                ("Sciences Po Bordeaux", Label::Org)
            ]
        ),
        vec![who("Jean Petaux")]
    );
}

#[test]
fn a_demonstrative_description_is_the_person_named_last() {
    assert_eq!(
        speakers_with(
            "Dans une vidéo publiée sur le site de Christophe Chalençon, ce Gilet jaune du Vaucluse s’est adressé aux politiques : « Si vous n'avez pas abdiqué, le mouvement va prendre une autre tournure. »",
            &[
                ("Christophe Chalençon", Label::Per),
                ("Gilet jaune", Label::Org),
                ("Vaucluse", Label::Loc)
            ]
        ),
        vec![who("Christophe Chalençon")]
    );
}

#[test]
fn a_present_participle_opening_the_sentence_runs_to_its_comma() {
    // after an opening adverbial, "concernant …," is one more opening phrase
    assert_eq!(
        speakers_with(
            "Dans le journal Le Parisien, concernant la pétition pour le climat qui attaque l'État et qui atteint ce mardi plus d'un million de signataires, Jean Dupont, ministre de la Transition écologique, est « agréablement surpris » du succès de cette pétition qui « est peut-être aussi une réplique aux mouvements sociaux ».",
            &[
                ("Le Parisien", Label::Org),
                ("État", Label::Loc),
                ("Jean Dupont", Label::Per)
            ]
        )
        .last()
        .cloned()
        .flatten(),
        who("Jean Dupont")
    );
    // a name ending in -ant is no participle: it is followed by its verb
    assert_eq!(
        speakers_with(
            "Bryant, entraîneur du club, a déclaré : « Nous avons tout donné ce soir. »",
            &[("Bryant", Label::Per)]
        ),
        vec![who("Bryant")]
    );
}

#[test]
fn a_quote_without_cue_in_a_sentence_about_someone_else_is_not_continued() {
    // the sentence opens on another body: the quote written in its mail is
    // not the previous speaker's
    assert_eq!(
        speakers_with(
            "Jean Dupont a déclaré : « Nous ne céderons pas sur ce point. »\n\nLe Groupe Centre France a reçu un mail qui revendique l'incendie de l'atelier et dans lequel est écrit « Force aux manifestants et à leurs soutiens ».",
            &[
                ("Jean Dupont", Label::Per),
                ("Groupe Centre France", Label::Org)
            ]
        ),
        vec![who("Jean Dupont"), None]
    );
    // a sentence of narrative on another subject between two quotes
    assert_eq!(
        speakers_with(
            "Les services de renseignement signalent des « appels à tuer et à se munir d'armes à feu ». Le personnel de plusieurs ministères ne doit pas se rendre sur son lieu de travail ce week-end. « Ce sont des putschistes, on est dans une tentative putschiste. »",
            &[]
        ),
        vec![who("services de renseignement"), None]
    );
    // a pronoun opening the sentence between them keeps the speaker
    assert_eq!(
        speakers_with(
            "Jean Dupont a déclaré : « Nous ne céderons pas. » Il a quitté la salle peu après. « C'est terminé pour aujourd'hui. »",
            &[("Jean Dupont", Label::Per)]
        ),
        vec![who("Jean Dupont"), who("Jean Dupont")]
    );
}

#[test]
fn an_unnamed_diplomacy_or_intelligence_service_is_written_as_in_the_text() {
    assert_eq!(
        speakers_with(
            "Les diplomates ont été rappelés. La diplomatie canadienne tempère cependant en louant une « relation positive et constructive avec Cuba ».",
            &[("Cuba", Label::Loc)]
        ),
        vec![who("diplomatie canadienne")]
    );
}

#[test]
fn a_person_described_first_is_the_one_named_after() {
    // the same noun again, with a name in apposition
    assert_eq!(
        speakers_with(
            "Le candidat saluait des habitants quand un jeune homme de 18 ans a tenté de le gifler en criant « ici c'est la Bretagne ».\n\nLe jeune homme, Nolan L., est rapidement plaqué au sol par un membre du service de sécurité.",
            &[("Bretagne", Label::Loc), ("Nolan L.", Label::Per)]
        ),
        vec![who("Nolan L.")]
    );
    // a definite description bound to no one before, then a person opening
    // the next sentence
    assert_eq!(
        speakers_with(
            "L'équipe des États-Unis s'est inclinée face à la Suède. La gardienne de l'équipe américaine a qualifié ses adversaires de « bande de lâches » estimant que les « Suédoises n'ont rien essayé, n'ont pas pressé ». Hope Solo, poursuivant sa déclaration, estime que les Suédoises ne « vont pas aller loin » dans la compétition.",
            &[
                ("États-Unis", Label::Loc),
                ("Suède", Label::Loc),
                ("Hope Solo", Label::Per)
            ]
        ),
        vec![who("Hope Solo"), who("Hope Solo")]
    );
}

#[test]
fn an_infinitive_after_avant_de_shares_the_main_clause_subject() {
    assert_eq!(
        speakers_with(
            "Alan Bean a pris sa retraite en 1981. « Tout artiste a la Terre ou son imagination pour inspirer ses peintures », a-t-il expliqué en 1994 au New York Times, avant d'ajouter : « J'ai la Terre et mon imagination, et je suis le premier à avoir aussi la Lune. »",
            &[("Alan Bean", Label::Per), ("New York Times", Label::Org)]
        ),
        vec![who("Alan Bean"), who("Alan Bean")]
    );
}

#[test]
fn an_office_named_by_its_place_and_no_name_is_held_by_someone_unnamed() {
    assert_eq!(
        speakers_with(
            "Jean Dupont, un jeune homme de 20 ans, a été déféré en comparution immédiate. D'après le préfet des Bouches-du-Rhône, « les dépôts de carburant sont libérés ».",
            &[
                ("Jean Dupont", Label::Per),
                ("Bouches-du-Rhône", Label::Loc)
            ]
        ),
        vec![None]
    );
    // bound to a name by apposition, it is that person
    assert_eq!(
        speakers_with(
            "Le préfet des Bouches-du-Rhône, Pierre Martin, s'est rendu sur place. D'après le préfet des Bouches-du-Rhône, « les dépôts de carburant sont libérés ».",
            &[
                ("Pierre Martin", Label::Per),
                ("Bouches-du-Rhône", Label::Loc)
            ]
        ),
        vec![who("Pierre Martin")]
    );
}

#[test]
fn the_two_ministers_are_the_last_two_people_named() {
    assert_eq!(
        speakers_with(
            "Les ministres de la Santé, Agnès Buzyn, et des Comptes publics, Gérald Darmanin ont annoncé dans un communiqué que le déficit s'est établi à 5,1 milliards d'euros. Il était de 7,8 milliards en 2016. Les deux ministres soulignent qu'il s'agit « du plus faible déficit enregistré sur les 15 dernières années ».",
            &[("Agnès Buzyn", Label::Per), ("Gérald Darmanin", Label::Per)]
        )
        .last()
        .cloned()
        .flatten(),
        who("Agnès Buzyn et Gérald Darmanin")
    );
}

#[test]
fn a_place_speaking_joins_no_longer_title_holding_its_name() {
    assert_eq!(
        speakers_with(
            "Les manifestants ont lancé un site Internet « La France en colère » hier. Selon la France, « les blocages doivent cesser dès ce soir ».",
            &[("La France en colère", Label::Org), ("France", Label::Loc)]
        ),
        vec![who("France")]
    );
}

#[test]
fn firefighters_are_people_described_not_an_institution() {
    // GUIDELINES: a source only described ('les enquêteurs') has no speaker;
    // 'la police' or 'la préfecture' is a body written as in the text
    assert_eq!(
        speakers(
            "Selon les pompiers, le bâtiment n'était pas aux normes. Ils affirment avoir « mis en garde à plusieurs reprises les responsables de l'immeuble », en vain."
        ),
        vec![None, None]
    );
    assert_eq!(
        speakers(
            "Selon la préfecture, « le feu est fixé depuis ce matin sur l'ensemble de la zone »."
        ),
        vec![who("préfecture")]
    );
}

#[test]
fn a_name_inside_a_relative_or_an_agent_phrase_is_not_the_subject() {
    assert_eq!(
        speakers_with(
            "Les avocats qui représentent Donald Trump arguent que le président est dans son droit.",
            &[("Donald Trump", Label::Per)]
        ),
        vec![None]
    );
    assert_eq!(
        speakers_with(
            "Un témoin cité par Le Parisien a estimé que le périmètre de sécurité avait permis d'éviter un bilan plus grave.",
            &[("Le Parisien", Label::Org)]
        ),
        vec![None]
    );
    assert_eq!(
        speakers_with(
            "Le gouvernement espagnol dirigé par Mariano Rajoy considère qu'aucun référendum n'a eu lieu.",
            &[("Mariano Rajoy", Label::Per)]
        ),
        vec![who("gouvernement espagnol")]
    );
    // the name as the subject itself is kept
    assert_eq!(
        speakers_with(
            "Le juge qui a reçu les avocats, Derrick Watson, estime que le décret est illégal.",
            &[("Derrick Watson", Label::Per)]
        ),
        vec![who("Derrick Watson")]
    );
}

#[test]
fn selon_lui_after_que_is_the_reporting_verbs_subject() {
    // not the person in focus before the sentence
    assert_eq!(
        speakers_with(
            "C'est Joseph Butore, second vice-président du Burundi, qui représente le pays. L'éloignement du Burundi a provoqué la désapprobation des diplomaties à l'exception de Idriss Déby, président du Tchad, qui a rappelé que selon lui « le troisième mandat de Pierre Nkurunziza n'est pas anticonstitutionnel ».",
            &[
                ("Joseph Butore", Label::Per),
                ("Burundi", Label::Loc),
                ("Idriss Déby", Label::Per),
                ("Tchad", Label::Loc),
                ("Pierre Nkurunziza", Label::Per)
            ]
        ),
        vec![who("Idriss Déby")]
    );
}

#[test]
fn a_relative_after_an_apposition_is_the_named_persons() {
    assert_eq!(
        speakers_with(
            "Le sommet a été critiqué par Marie Dupont, présidente de l'Union des consommateurs, qui a déclaré que « ce sommet ne sert à rien du tout ».",
            &[
                ("Marie Dupont", Label::Per),
                ("Union des consommateurs", Label::Org)
            ]
        ),
        vec![who("Marie Dupont")]
    );
}

#[test]
fn a_person_named_only_in_a_case_is_no_speaker() {
    // GUIDELINES.md makes "Verdier" in "l'affaire Verdier" a person; the
    // minister is still the one named before
    assert_eq!(
        speakers_with(
            "Paul Durand , l'actuel ministre de la Culture, aurait employé ses fils comme assistants, a révélé lundi une émission de télévision.\n\nLe cabinet du ministre a confirmé cette information survenant en pleine affaire Verdier , qui suscite des questions sur l'emploi de proches.\n\n« Ils ont travaillé avec moi pendant les vacances, mais jamais en permanence. » , a répondu le ministre en marge d'un déplacement.",
            &[("Paul Durand", Label::Per), ("Verdier", Label::Per)]
        ),
        vec![who("Paul Durand")]
    );
}

#[test]
fn the_kind_noun_before_a_body_s_name_is_no_word_of_it() {
    assert_eq!(
        speakers_with(
            "L'ONG Greenpeace France a dénoncé « une décision scandaleuse et dangereuse pour le climat ».",
            &[("Greenpeace France", Label::Org)]
        ),
        vec![who("Greenpeace France")]
    );
    assert_eq!(
        speakers_with(
            "Le quotidien Le Monde affirme que « le ministre savait tout depuis le mois de mars ».",
            &[("Le Monde", Label::Org)]
        ),
        vec![who("Le Monde")]
    );
    // capitalised, the noun opens the name
    assert_eq!(
        speakers_with(
            "La Banque de France estime que « la croissance restera faible cette année ».",
            &[("Banque de France", Label::Org)]
        ),
        vec![who("Banque de France")]
    );
}

#[test]
fn a_role_with_another_nationality_is_another_person() {
    // the Belgian coach just quoted, not the Parisian one bound earlier
    assert_eq!(
        speakers_with(
            "« On a souffert jusqu'au bout », a réagi l'entraîneur parisien Luis Enrique. « Nous avons manqué trop d'occasions », a regretté Vincent Kompany. L'entraîneur belge a estimé que son équipe n'avait pas à rougir de sa prestation.",
            &[
                ("Luis Enrique", Label::Per),
                ("Vincent Kompany", Label::Per)
            ]
        ),
        vec![
            who("Luis Enrique"),
            who("Vincent Kompany"),
            who("Vincent Kompany")
        ]
    );
    // the same nationality, in another gender, is the same role
    assert_eq!(
        speakers_with(
            "La ministre française Catherine Colonna a reçu son homologue Annalena Baerbock. « Nous avancerons ensemble », a déclaré la ministre française.",
            &[
                ("Catherine Colonna", Label::Per),
                ("Annalena Baerbock", Label::Per)
            ]
        ),
        vec![who("Catherine Colonna")]
    );
}

#[test]
fn a_bare_head_of_state_is_not_the_foreign_one() {
    // the role after the guest's name, and the guest as the sentence subject
    assert_eq!(
        speakers_with(
            "Emmanuel Macron a reçu mardi le président sénégalais Bassirou Diomaye Faye. Le chef de l'État a salué « une relation exceptionnelle entre nos deux pays ».",
            &[
                ("Emmanuel Macron", Label::Per),
                ("Bassirou Diomaye Faye", Label::Per)
            ]
        ),
        vec![who("Emmanuel Macron")]
    );
    assert_eq!(
        speakers_with(
            "Le président kényan William Ruto a été reçu mardi à l'Élysée par Emmanuel Macron. Le chef de l'État a salué « une relation exceptionnelle entre nos deux pays ».",
            &[
                ("William Ruto", Label::Per),
                ("Emmanuel Macron", Label::Per)
            ]
        ),
        vec![who("Emmanuel Macron")]
    );
    // named with his nationality, the foreign president is himself
    assert_eq!(
        speakers_with(
            "Emmanuel Macron reçoit le président brésilien. Le président brésilien Lula a déclaré que « le Brésil et la France partagent une même vision du monde ».",
            &[("Emmanuel Macron", Label::Per), ("Lula", Label::Per)]
        ),
        vec![who("Lula")]
    );
}

#[test]
fn a_name_before_a_role_is_bound_only_in_apposition() {
    // the subject of "reçoit" is not the president he receives
    assert_eq!(
        speakers_with(
            "Visite d'État : Emmanuel Macron reçoit le président colombien\n\nEmmanuel Macron a accueilli lundi son homologue colombien Gustavo Petro. « Nos pays partagent une même vision du monde », a déclaré le président colombien.",
            &[
                ("Emmanuel Macron", Label::Per),
                ("Gustavo Petro", Label::Per)
            ]
        ),
        vec![who("Gustavo Petro")]
    );
    // in apposition it is
    assert_eq!(
        speakers_with(
            "Jacques Billant, préfet du Pas-de-Calais, s'est rendu sur place. « Tous les moyens sont mobilisés », a assuré le préfet.",
            &[
                ("Jacques Billant", Label::Per),
                ("Pas-de-Calais", Label::Loc)
            ]
        ),
        vec![who("Jacques Billant")]
    );
}

#[test]
fn the_representative_of_the_state_is_the_prefect() {
    assert_eq!(
        speakers_with(
            "Le préfet du Pas-de-Calais, Jacques Billant, s'est rendu sur place lundi. Le représentant de l'État a assuré que « tous les moyens de l'État » étaient mobilisés.",
            &[
                ("Jacques Billant", Label::Per),
                ("Pas-de-Calais", Label::Loc)
            ]
        ),
        vec![who("Jacques Billant")]
    );
}

#[test]
fn an_opening_past_participle_is_no_subject() {
    // "Reçu … par X, Y a …": Y is the subject, X takes part
    assert_eq!(
        speakers_with(
            "Jointe par téléphone, la réalisatrice Julia Ducournau a évoqué son film. « Revenir à Cannes, c'est toujours une épreuve », a-t-elle confié.",
            &[("Julia Ducournau", Label::Per), ("Cannes", Label::Loc)]
        ),
        vec![who("Julia Ducournau")]
    );
    assert_eq!(
        speakers_with(
            "« Nous partageons les mêmes priorités », a déclaré Olivier Marleix. Reçu dans la matinée par Emmanuel Macron, le président sénégalais Bassirou Diomaye Faye a évoqué la coopération. Le chef de l'État a souligné que la France « restera aux côtés du Sénégal ».",
            &[
                ("Olivier Marleix", Label::Per),
                ("Emmanuel Macron", Label::Per),
                ("Bassirou Diomaye Faye", Label::Per),
                ("France", Label::Loc),
                ("Sénégal", Label::Loc)
            ]
        ),
        vec![who("Olivier Marleix"), who("Emmanuel Macron")]
    );
}

#[test]
fn a_coach_called_technician() {
    assert_eq!(
        speakers_with(
            "« On est restés solidaires », a réagi l'entraîneur Luis Enrique. Le technicien espagnol a salué « un match de caractère » de ses joueurs.",
            &[("Luis Enrique", Label::Per)]
        ),
        vec![who("Luis Enrique"), who("Luis Enrique")]
    );
}

#[test]
fn a_place_before_a_colon_is_where_the_words_were_not_who_said_them() {
    // a monument written on: the slogan is the crowd's
    assert_eq!(
        speakers_with(
            "Vers 22h00, à Bordeaux, un manifestant a tagué la Porte Cailhau : « Le peuple ne lâchera rien » . Il a été interpellé.",
            &[("Bordeaux", Label::Loc), ("Porte Cailhau", Label::Loc)]
        ),
        vec![None]
    );
    // a region where the words were heard
    assert_eq!(
        speakers_with(
            "Dans la soirée, des manifestants ont dressé des tables sur un rond-point de Haute-Vienne : « ici au moins on partage le repas avec des gens qui nous comprennent » .",
            &[("Haute-Vienne", Label::Loc)]
        ),
        vec![None]
    );
    // a body named before the colon still speaks
    assert_eq!(
        speakers_with(
            "En fin de journée, un communiqué de la SNCF : « le trafic reprendra progressivement demain matin sur l'ensemble des lignes » .",
            &[("SNCF", Label::Org)]
        ),
        vec![who("SNCF")]
    );
}

#[test]
fn a_place_the_recogniser_found_is_no_antecedent_for_he() {
    // "Paris" is also a first name in the lists: as a place it is no one
    assert_eq!(
        speakers_in(
            "Barack Obama leaves a pledge made in Paris to cut emissions. \"All of it could be undone at the ballot box,\" he said.",
            Lang::En,
            &[("Barack Obama", Label::Per), ("Paris", Label::Loc)]
        ),
        vec![who("Barack Obama")]
    );
}
