package com.creditdesk.standalone.demo;

import com.creditdesk.api.account.Segment;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Plausible customer names, per segment and language (Dutch, French, English), each given once. */
final class DemoNames {
    private static final List<String> NL_TRADES = List.of("Bakkerij", "Garage", "Drukkerij", "Schrijnwerkerij",
            "Brouwerij", "Transport", "Bouwbedrijf", "Installatiebedrijf", "Slagerij", "Tuinaanleg", "Elektro",
            "Dakwerken");
    private static final List<String> NL_SURNAMES = List.of("Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
            "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Van den Berg", "De Vries", "Bakker", "Visser",
            "Smit", "Meijer", "De Boer", "Mulder", "Verhoeven", "Hermans", "Aerts", "Vermeulen", "Van Dijk",
            "Pauwels");
    private static final List<String> NL_FORMS = List.of("BV", "BV", "VOF", "NV", "");
    private static final List<String> FR_TRADES = List.of("Boulangerie", "Garage", "Imprimerie", "Menuiserie",
            "Brasserie", "Transports", "Construction", "Boucherie", "Jardins", "Electricite", "Toitures");
    private static final List<String> FR_SURNAMES = List.of("Dubois", "Lambert", "Martin", "Dupont", "Leroy",
            "Simon", "Laurent", "Lejeune", "Renard", "Lefebvre", "Mercier", "Collard", "Denis", "Lemaire",
            "Francois", "Gilson", "Henrard", "Jacquet");
    private static final List<String> FR_FORMS = List.of("SRL", "SA", "SRL", "");
    private static final List<String> EN_TRADES = List.of("Joinery", "Logistics", "Printing", "Bakery", "Motors",
            "Builders", "Electrical", "Catering", "Landscaping", "Roofing");
    private static final List<String> EN_SURNAMES = List.of("Smith", "Taylor", "Brown", "Wilson", "Evans",
            "Walker", "Wright", "Hughes", "Green", "Hall", "Clarke", "Turner");
    private static final List<String> CORES = List.of("Noordzee", "Ardenne", "Kempen", "Schelde", "Meuse",
            "Brabant", "Delta", "Polder", "Atlas", "Orion", "Vector", "Helios", "Zenith", "Borealis", "Lumen",
            "Ijzer", "Lys", "Sambre", "Hainaut", "Campine");
    private static final List<String> INDUSTRIES = List.of("Logistics", "Foods", "Chemicals", "Steel",
            "Retail Group", "Packaging", "Automotive", "Pharma", "Energy", "Textiles", "Construction",
            "Distribution", "Plastics", "Paper");
    private static final List<String> NL_TOWNS = List.of("Lier", "Mechelen", "Aalst", "Hasselt", "Geel",
            "Turnhout", "Brugge", "Kortrijk", "Leuven", "Genk", "Ronse", "Tielt", "Lokeren", "Herentals", "Zwolle",
            "Breda", "Tilburg", "Roeselare");
    private static final List<String> NL_BODIES = List.of("Gemeente", "Stad", "OCMW", "Politiezone",
            "Brandweerzone", "Scholengroep");
    private static final List<String> FR_TOWNS = List.of("Namur", "Liege", "Mons", "Wavre", "Nivelles", "Arlon",
            "Dinant", "Huy", "Tournai", "Charleroi", "Marche", "Ath");
    private static final List<String> FR_BODIES = List.of("Ville de", "Commune de", "CPAS de", "Zone de police de",
            "Intercommunale de");
    private static final List<String> EN_TOWNS = List.of("Dover", "York", "Bath", "Leeds", "Exeter", "Durham",
            "Chester", "Norwich");
    private static final List<String> EN_BODIES = List.of("City Council", "Port Authority", "Health Trust",
            "School Board");

    private final Set<String> given = new HashSet<>();

    String next(Segment segment, String language, Random random) {
        for (int attempt = 0; ; attempt++) {
            String name = candidate(segment, language, random);
            if (attempt > 5) {
                name = name + " " + (given.size() + 1);
            }
            if (given.add(name)) {
                return name;
            }
        }
    }

    private static String candidate(Segment segment, String language, Random random) {
        return switch (segment) {
            case SMB -> switch (language) {
                case "nl" -> join(pick(NL_TRADES, random), pick(NL_SURNAMES, random), pick(NL_FORMS, random));
                case "fr" -> join(pick(FR_TRADES, random), pick(FR_SURNAMES, random), pick(FR_FORMS, random));
                default -> join(pick(EN_SURNAMES, random), pick(EN_TRADES, random), "Ltd");
            };
            case ENTERPRISE -> join(pick(CORES, random), pick(INDUSTRIES, random),
                    switch (language) {
                        case "nl" -> "NV";
                        case "fr" -> "SA";
                        default -> "plc";
                    });
            case PUBLIC -> switch (language) {
                case "nl" -> join(pick(NL_BODIES, random), pick(NL_TOWNS, random), "");
                case "fr" -> join(pick(FR_BODIES, random), pick(FR_TOWNS, random), "");
                default -> join(pick(EN_TOWNS, random), pick(EN_BODIES, random), "");
            };
        };
    }

    private static String join(String first, String second, String form) {
        return (first + " " + second + (form.isEmpty() ? "" : " " + form)).trim();
    }

    static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
