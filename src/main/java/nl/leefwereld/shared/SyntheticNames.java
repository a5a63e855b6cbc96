package nl.leefwereld.shared;

import java.util.List;

/** Invented Dutch names and places for synthetic municipalities (common names, no real persons or addresses). */
public final class SyntheticNames {

    private SyntheticNames() {
    }

    public static final List<String> FEMALE_FIRST_NAMES = List.of(
            "Anna", "Emma", "Sophie", "Julia", "Lotte", "Sara", "Fleur", "Lisa",
            "Eva", "Noor", "Mila", "Tess", "Fenna", "Sanne", "Iris", "Femke",
            "Lieke", "Anouk", "Maud", "Roos", "Esther", "Fatima", "Amira", "Yasmin",
            "Aylin", "Elif", "Naima", "Ilse", "Marloes", "Petra", "Ingrid", "Wilma",
            "Gerda", "Annie", "Riet", "Mieke", "Joke", "Els", "Karin", "Monique",
            "Nicole", "Linda", "Kim", "Chantal", "Samira", "Hatice", "Ewa", "Maria",
            "Dewi");

    public static final List<String> MALE_FIRST_NAMES = List.of(
            "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Noah",
            "Luuk", "Thijs", "Bram", "Ruben", "Tim", "Sven", "Jeroen", "Bas",
            "Mark", "Rob", "Kees", "Jan", "Piet", "Henk", "Gerrit", "Wim",
            "Theo", "Hans", "Peter", "Johan", "Erik", "Dennis", "Mohamed", "Youssef",
            "Ahmed", "Mustafa", "Emre", "Mehmet", "Ali", "Omar", "Bilal", "Tomasz",
            "Piotr", "Dirk", "Sander", "Niels", "Martijn", "Wouter", "Koen", "Stefan");

    public static final List<String> LAST_NAMES = List.of(
            "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
            "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
            "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
            "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
            "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
            "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins",
            "Blom", "Huisman", "Peeters", "de Lange", "Kuijpers", "van Wijk", "Postma", "Kuiper",
            "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijngaarden", "Yilmaz", "Kaya", "El Amrani",
            "Bouzid", "Öztürk", "Nowak", "Kowalski", "Pinas", "Tjon", "Nguyen", "Wang",
            "Ramdin", "Sardjoe");

    public static final List<String> STREETS = List.of(
            "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat", "Beatrixstraat", "Wilhelminastraat",
            "Emmastraat", "Oranjestraat", "Nieuwstraat", "Kastanjelaan", "Eikenlaan", "Beukenlaan", "Lindelaan", "Berkenlaan",
            "Merelstraat", "Lijsterstraat", "Spreeuwstraat", "Zwaluwstraat", "Meeuwenlaan", "Tulpstraat", "Rozenstraat", "Narcisstraat",
            "Irisstraat", "Sportlaan", "Parkweg", "Havenstraat", "Dijkweg", "Kanaalweg", "Marktplein", "Prinsengracht",
            "Burgemeester de Vlugtlaan", "Rembrandtstraat", "Vermeerstraat", "Van Goghstraat", "Mozartlaan", "Beethovenstraat", "Planetenbaan", "Zonnebloemstraat",
            "Klaverweide", "Weidehof", "Akkerweg", "Veldzicht", "Polderweg", "Sluisweg", "Brugstraat", "Torenstraat");

    public static final List<String> DISTRICTS = List.of(
            "Binnenstad", "Oude Haven", "Noorderpark", "Zuiderwaard", "Oosterhout", "Westervelde", "Vogelwijk", "Bloemenbuurt",
            "Schildersbuurt", "Componistenbuurt", "Het Veld", "De Akkers", "Molenwijk", "Kanaalzone", "Stationsgebied", "De Weiden",
            "Hoogland", "Laagland", "Parkwijk", "Sportpark", "Zonnehoek", "De Bongerd", "Rivierenwijk", "Bomenbuurt",
            "Dichtersbuurt", "Kerkebuurt", "De Hoven", "Middengebied", "Nieuwland", "Buitenhof");
}
